using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProServ.Integration.CrossReference;
using ProServ.Integration.Errors;
using static ProServ.Integration.CrossReference.CrossReferenceArguments;

namespace ProServ.Integration.Sqlite.CrossReference;

/// <summary>
/// Keeps cross-references in SQLite tables <c>proserv_xref</c> and <c>proserv_xref_history</c>. Reads run without a
/// transaction; every write runs in one <c>BEGIN IMMEDIATE</c> transaction, so concurrent writers serialize on the
/// database lock and the primary key makes get-or-create atomic across processes.
/// </summary>
internal sealed class SqliteCrossReferenceStore : ICrossReferenceStore
{
    private const string SelectCanonical =
        "SELECT canonical_id FROM proserv_xref WHERE tenant = $tenant AND system = $system AND record_type = $recordType AND external_id = $externalId;";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    public SqliteCrossReferenceStore(SqliteDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
    }

    public async ValueTask<CrossReferenceResult> GetOrCreateAsync(
        string tenant,
        string recordType,
        string system,
        string externalId,
        Func<Guid> newCanonicalId,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(tenant, recordType, system, externalId);
        ArgumentNullException.ThrowIfNull(newCanonicalId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using (var select = KeyCommand(connection, null, SelectCanonical, tenant, recordType, system, externalId))
            {
                if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string found)
                {
                    return new CrossReferenceResult(ParseGuid(found), Created: false);
                }
            }

            var candidate = newCanonicalId();
            if (candidate == Guid.Empty)
            {
                throw new ArgumentException("The canonical id factory returned Guid.Empty.", nameof(newCanonicalId));
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            using var upsert = KeyCommand(
                connection,
                transaction,
                """
                INSERT INTO proserv_xref (tenant, system, record_type, external_id, canonical_id, created_ms)
                VALUES ($tenant, $system, $recordType, $externalId, $canonicalId, $now)
                ON CONFLICT (tenant, system, record_type, external_id) DO NOTHING;
                """ + SelectCanonical,
                tenant,
                recordType,
                system,
                externalId);
            upsert.Parameters.AddWithValue("$canonicalId", FormatGuid(candidate));
            upsert.Parameters.AddWithValue("$now", NowMs());
            var winner = ParseGuid((string)(await upsert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
            transaction.Commit();
            return new CrossReferenceResult(winner, Created: winner == candidate);
        }
    }

    public async ValueTask LinkAsync(
        string tenant,
        string recordType,
        Guid canonicalId,
        string system,
        string externalId,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(tenant, recordType, system, externalId);
        ValidateCanonicalId(canonicalId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using (var select = KeyCommand(connection, transaction, SelectCanonical, tenant, recordType, system, externalId))
            {
                if (await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string found)
                {
                    var existing = ParseGuid(found);
                    if (existing == canonicalId)
                    {
                        return;
                    }

                    throw Conflict($"{system} {recordType} '{externalId}' is linked to canonical id {existing}, not {canonicalId}.");
                }
            }

            using (var links = connection.CreateCommand())
            {
                links.Transaction = transaction;
                links.CommandText = "SELECT record_type, system, external_id FROM proserv_xref WHERE tenant = $tenant AND canonical_id = $canonicalId;";
                links.Parameters.AddWithValue("$tenant", tenant);
                links.Parameters.AddWithValue("$canonicalId", FormatGuid(canonicalId));
                var reader = await links.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var ownType = reader.GetString(0);
                        if (!string.Equals(ownType, recordType, StringComparison.Ordinal))
                        {
                            throw Conflict($"Canonical id {canonicalId} belongs to record type '{ownType}', not '{recordType}'.");
                        }

                        if (string.Equals(reader.GetString(1), system, StringComparison.Ordinal))
                        {
                            throw Conflict($"Canonical id {canonicalId} already has {system} id '{reader.GetString(2)}'; use RekeyAsync to change it.");
                        }
                    }
                }
            }

            using (var insert = KeyCommand(
                connection,
                transaction,
                "INSERT INTO proserv_xref (tenant, system, record_type, external_id, canonical_id, created_ms) VALUES ($tenant, $system, $recordType, $externalId, $canonicalId, $now);",
                tenant,
                recordType,
                system,
                externalId))
            {
                insert.Parameters.AddWithValue("$canonicalId", FormatGuid(canonicalId));
                insert.Parameters.AddWithValue("$now", NowMs());
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
        }
    }

    public async ValueTask<IReadOnlyDictionary<string, Guid>> LookupManyAsync(
        string tenant,
        string recordType,
        string system,
        IReadOnlyCollection<string> externalIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordType);
        ArgumentException.ThrowIfNullOrWhiteSpace(system);
        ArgumentNullException.ThrowIfNull(externalIds);
        var found = new Dictionary<string, Guid>(externalIds.Count, StringComparer.Ordinal);
        if (externalIds.Count == 0)
        {
            return found;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var externalId in externalIds)
            {
                if (externalId is not null)
                {
                    writer.WriteStringValue(externalId);
                }
            }

            writer.WriteEndArray();
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT external_id, canonical_id FROM proserv_xref
                WHERE tenant = $tenant AND system = $system AND record_type = $recordType
                  AND external_id IN (SELECT value FROM json_each($ids));
                """;
            command.Parameters.AddWithValue("$tenant", tenant);
            command.Parameters.AddWithValue("$system", system);
            command.Parameters.AddWithValue("$recordType", recordType);
            command.Parameters.AddWithValue("$ids", Encoding.UTF8.GetString(buffer.WrittenSpan));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found[reader.GetString(0)] = ParseGuid(reader.GetString(1));
                }
            }
        }

        return found;
    }

    public async ValueTask<IReadOnlyList<CrossReferenceLink>> FindExternalIdsAsync(
        string tenant,
        Guid canonicalId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        var result = new List<CrossReferenceLink>();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT record_type, system, external_id, created_ms FROM proserv_xref
                WHERE tenant = $tenant AND canonical_id = $canonicalId ORDER BY system, external_id;
                """;
            command.Parameters.AddWithValue("$tenant", tenant);
            command.Parameters.AddWithValue("$canonicalId", FormatGuid(canonicalId));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    result.Add(new CrossReferenceLink(
                        reader.GetString(0),
                        canonicalId,
                        reader.GetString(1),
                        reader.GetString(2),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
                }
            }
        }

        return result;
    }

    public async ValueTask<Guid> RekeyAsync(
        string tenant,
        string recordType,
        string system,
        string oldExternalId,
        string newExternalId,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(tenant, recordType, system, oldExternalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(newExternalId);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var oldCanonical = await SelectCanonicalAsync(connection, transaction, tenant, recordType, system, oldExternalId, cancellationToken).ConfigureAwait(false);
            var newCanonical = await SelectCanonicalAsync(connection, transaction, tenant, recordType, system, newExternalId, cancellationToken).ConfigureAwait(false);
            if (oldCanonical is not { } canonicalId)
            {
                if (newCanonical is { } already)
                {
                    return already;
                }

                throw new IntegrationException(CrossReferenceErrorCodes.NotFound, $"{system} {recordType} '{oldExternalId}' has no cross-reference to rekey.");
            }

            if (newCanonical is { } other && other != canonicalId)
            {
                throw Conflict($"{system} {recordType} '{newExternalId}' is already linked to canonical id {other}.");
            }

            using (var move = KeyCommand(
                connection,
                transaction,
                newCanonical is null
                    ? "UPDATE proserv_xref SET external_id = $newExternalId WHERE tenant = $tenant AND system = $system AND record_type = $recordType AND external_id = $externalId;"
                    : "DELETE FROM proserv_xref WHERE tenant = $tenant AND system = $system AND record_type = $recordType AND external_id = $externalId;",
                tenant,
                recordType,
                system,
                oldExternalId))
            {
                move.Parameters.AddWithValue("$newExternalId", newExternalId);
                await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await InsertHistoryAsync(
                connection,
                transaction,
                tenant,
                new CrossReferenceHistoryEntry(CrossReferenceChangeKind.Rekeyed, recordType, canonicalId, null, system, oldExternalId, newExternalId, default),
                cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return canonicalId;
        }
    }

    public async ValueTask MergeAsync(
        string tenant,
        string recordType,
        Guid loserCanonicalId,
        Guid survivorCanonicalId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordType);
        ValidateCanonicalId(loserCanonicalId);
        ValidateCanonicalId(survivorCanonicalId);
        if (loserCanonicalId == survivorCanonicalId)
        {
            throw new ArgumentException("A record cannot be merged into itself.", nameof(survivorCanonicalId));
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (!await HasLinksAsync(connection, transaction, tenant, recordType, survivorCanonicalId, cancellationToken).ConfigureAwait(false))
            {
                throw new IntegrationException(CrossReferenceErrorCodes.NotFound, $"Survivor {recordType} {survivorCanonicalId} has no cross-reference.");
            }

            if (!await HasLinksAsync(connection, transaction, tenant, recordType, loserCanonicalId, cancellationToken).ConfigureAwait(false))
            {
                throw new IntegrationException(CrossReferenceErrorCodes.NotFound, $"Loser {recordType} {loserCanonicalId} has no cross-reference.");
            }

            using (var move = connection.CreateCommand())
            {
                move.Transaction = transaction;
                move.CommandText = "UPDATE proserv_xref SET canonical_id = $survivor WHERE tenant = $tenant AND canonical_id = $loser;";
                move.Parameters.AddWithValue("$tenant", tenant);
                move.Parameters.AddWithValue("$survivor", FormatGuid(survivorCanonicalId));
                move.Parameters.AddWithValue("$loser", FormatGuid(loserCanonicalId));
                await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await InsertHistoryAsync(
                connection,
                transaction,
                tenant,
                new CrossReferenceHistoryEntry(CrossReferenceChangeKind.Merged, recordType, loserCanonicalId, survivorCanonicalId, null, null, null, default),
                cancellationToken).ConfigureAwait(false);
            transaction.Commit();
        }
    }

    public async ValueTask<IReadOnlyList<CrossReferenceHistoryEntry>> GetHistoryAsync(
        string tenant,
        Guid canonicalId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        var result = new List<CrossReferenceHistoryEntry>();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT kind, record_type, canonical_id, survivor_canonical_id, system, old_external_id, new_external_id, occurred_ms
                FROM proserv_xref_history
                WHERE tenant = $tenant AND (canonical_id = $canonicalId OR survivor_canonical_id = $canonicalId)
                ORDER BY seq;
                """;
            command.Parameters.AddWithValue("$tenant", tenant);
            command.Parameters.AddWithValue("$canonicalId", FormatGuid(canonicalId));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    result.Add(new CrossReferenceHistoryEntry(
                        (CrossReferenceChangeKind)reader.GetInt32(0),
                        reader.GetString(1),
                        ParseGuid(reader.GetString(2)),
                        reader.IsDBNull(3) ? null : ParseGuid(reader.GetString(3)),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetString(6),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
                }
            }
        }

        return result;
    }

    private static string FormatGuid(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    private static Guid ParseGuid(string value) => Guid.ParseExact(value, "D");

    private static SqliteCommand KeyCommand(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        string tenant,
        string recordType,
        string system,
        string externalId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$tenant", tenant);
        command.Parameters.AddWithValue("$system", system);
        command.Parameters.AddWithValue("$recordType", recordType);
        command.Parameters.AddWithValue("$externalId", externalId);
        return command;
    }

    private static async ValueTask<Guid?> SelectCanonicalAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string tenant,
        string recordType,
        string system,
        string externalId,
        CancellationToken cancellationToken)
    {
        using var select = KeyCommand(connection, transaction, SelectCanonical, tenant, recordType, system, externalId);
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string found ? ParseGuid(found) : null;
    }

    private static async ValueTask<bool> HasLinksAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string tenant,
        string recordType,
        Guid canonicalId,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM proserv_xref WHERE tenant = $tenant AND canonical_id = $canonicalId AND record_type = $recordType);";
        command.Parameters.AddWithValue("$tenant", tenant);
        command.Parameters.AddWithValue("$canonicalId", FormatGuid(canonicalId));
        command.Parameters.AddWithValue("$recordType", recordType);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long exists && exists != 0;
    }

    private async ValueTask InsertHistoryAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string tenant,
        CrossReferenceHistoryEntry entry,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO proserv_xref_history (tenant, kind, record_type, canonical_id, survivor_canonical_id, system, old_external_id, new_external_id, occurred_ms)
            VALUES ($tenant, $kind, $recordType, $canonicalId, $survivor, $system, $oldExternalId, $newExternalId, $now);
            """;
        command.Parameters.AddWithValue("$tenant", tenant);
        command.Parameters.AddWithValue("$kind", (int)entry.Kind);
        command.Parameters.AddWithValue("$recordType", entry.RecordType);
        command.Parameters.AddWithValue("$canonicalId", FormatGuid(entry.CanonicalId));
        command.Parameters.AddWithValue("$survivor", entry.SurvivorCanonicalId is { } survivor ? FormatGuid(survivor) : DBNull.Value);
        command.Parameters.AddWithValue("$system", (object?)entry.System ?? DBNull.Value);
        command.Parameters.AddWithValue("$oldExternalId", (object?)entry.OldExternalId ?? DBNull.Value);
        command.Parameters.AddWithValue("$newExternalId", (object?)entry.NewExternalId ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", NowMs());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private long NowMs() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _database.EnsureCreatedAsync(SqliteCrossReferenceSchema.Feature, SqliteCrossReferenceSchema.Ddl, cancellationToken).ConfigureAwait(false);
        return await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
    }
}
