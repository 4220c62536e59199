using Npgsql;
using NpgsqlTypes;
using ProServ.Integration.CrossReference;
using ProServ.Integration.Errors;
using static ProServ.Integration.CrossReference.CrossReferenceArguments;

namespace ProServ.Integration.PostgreSql.CrossReference;

/// <summary>Keeps cross-references in PostgreSQL (tables <c>xref</c> and <c>xref_history</c> of the configured schema).</summary>
/// <remarks>
/// <para>Get-or-create reads first (the common case: the record is known) and on a miss runs
/// <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c>; a loser reads the winner's id in a fresh statement, so every worker
/// on every machine gets the one canonical id that won. Page lookups are one <c>= ANY(@ids)</c> query. Link, rekey and
/// merge run in short transactions; link serialises on a transaction-level advisory lock per canonical id, so two
/// concurrent links cannot give one record two ids in the same system.</para>
/// <para>Times come from the injected <see cref="TimeProvider"/>. Thread-safe; share one instance per database and schema.</para>
/// </remarks>
public sealed class PostgreSqlCrossReferenceStore : ICrossReferenceStore, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly string _xref;
    private readonly string _history;
    private readonly string _selectCanonical;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlCrossReferenceStore"/> class.</summary>
    /// <param name="options">The database options.</param>
    /// <param name="timeProvider">The clock that stamps links and history; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public PostgreSqlCrossReferenceStore(PostgreSqlStoreOptions options, TimeProvider? timeProvider = null)
    {
        _database = new PostgreSqlDatabase(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _xref = _database.SchemaName + ".xref";
        _history = _database.SchemaName + ".xref_history";
        _selectCanonical = $"SELECT canonical_id FROM {_xref} WHERE tenant = @tenant AND system = @system AND record_type = @record_type AND external_id = @external_id";
    }

    /// <inheritdoc/>
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
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (await SelectCanonicalAsync(connection, null, tenant, recordType, system, externalId, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return new CrossReferenceResult(found, Created: false);
            }

            var candidate = newCanonicalId();
            if (candidate == Guid.Empty)
            {
                throw new ArgumentException("The canonical id factory returned Guid.Empty.", nameof(newCanonicalId));
            }

            var insert = KeyCommand(
                connection,
                null,
                $"""
                INSERT INTO {_xref} (tenant, system, record_type, external_id, canonical_id, created_at)
                VALUES (@tenant, @system, @record_type, @external_id, @canonical_id, @now)
                ON CONFLICT (tenant, system, record_type, external_id) DO NOTHING
                RETURNING canonical_id
                """,
                tenant,
                recordType,
                system,
                externalId);
            await using (insert.ConfigureAwait(false))
            {
                insert.Parameters.Add(new NpgsqlParameter<Guid>("canonical_id", candidate));
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
                if (await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is Guid inserted)
                {
                    return new CrossReferenceResult(inserted, Created: true);
                }
            }

            // Another worker inserted first; this statement's fresh snapshot sees its committed row.
            var winner = await SelectCanonicalAsync(connection, null, tenant, recordType, system, externalId, cancellationToken).ConfigureAwait(false)
                ?? throw new IntegrationException(CrossReferenceErrorCodes.Conflict, $"{system} {recordType} '{externalId}' was linked and removed concurrently; retry.", isTransient: true);
            return new CrossReferenceResult(winner, Created: false);
        }
    }

    /// <inheritdoc/>
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
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@tenant || '/' || @canonical_id::text, 7))", connection, transaction);
                await using (lockCommand.ConfigureAwait(false))
                {
                    lockCommand.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
                    lockCommand.Parameters.Add(new NpgsqlParameter<Guid>("canonical_id", canonicalId));
                    await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                if (await SelectCanonicalAsync(connection, transaction, tenant, recordType, system, externalId, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    ThrowIfOther(existing, canonicalId, tenant, recordType, system, externalId);
                    return;
                }

                var links = new NpgsqlCommand($"SELECT record_type, system, external_id FROM {_xref} WHERE tenant = @tenant AND canonical_id = @canonical_id", connection, transaction);
                await using (links.ConfigureAwait(false))
                {
                    links.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
                    links.Parameters.Add(new NpgsqlParameter<Guid>("canonical_id", canonicalId));
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

                var insert = KeyCommand(
                    connection,
                    transaction,
                    $"""
                    INSERT INTO {_xref} (tenant, system, record_type, external_id, canonical_id, created_at)
                    VALUES (@tenant, @system, @record_type, @external_id, @canonical_id, @now)
                    ON CONFLICT (tenant, system, record_type, external_id) DO NOTHING
                    """,
                    tenant,
                    recordType,
                    system,
                    externalId);
                await using (insert.ConfigureAwait(false))
                {
                    insert.Parameters.Add(new NpgsqlParameter<Guid>("canonical_id", canonicalId));
                    insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
                    if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        // Linked concurrently by get-or-create or another canonical id's link: same answer as a second call.
                        var winner = await SelectCanonicalAsync(connection, transaction, tenant, recordType, system, externalId, cancellationToken).ConfigureAwait(false);
                        ThrowIfOther(winner ?? Guid.Empty, canonicalId, tenant, recordType, system, externalId);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
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

        var ids = new List<string>(externalIds.Count);
        foreach (var externalId in externalIds)
        {
            if (externalId is not null)
            {
                ids.Add(externalId);
            }
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"SELECT external_id, canonical_id FROM {_xref} WHERE tenant = @tenant AND system = @system AND record_type = @record_type AND external_id = ANY(@ids)",
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
                command.Parameters.Add(new NpgsqlParameter<string>("system", system));
                command.Parameters.Add(new NpgsqlParameter<string>("record_type", recordType));
                command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. ids] });
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        found[reader.GetString(0)] = reader.GetGuid(1);
                    }
                }
            }
        }

        return found;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<CrossReferenceLink>> FindExternalIdsAsync(
        string tenant,
        Guid canonicalId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        var result = new List<CrossReferenceLink>();
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // COLLATE "C": ordinal order, as every store reports it, whatever the database's collation.
            var command = new NpgsqlCommand(
                $"""
                SELECT record_type, system, external_id, created_at FROM {_xref}
                WHERE tenant = @tenant AND canonical_id = @canonical_id
                ORDER BY system COLLATE "C", external_id COLLATE "C"
                """,
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
                command.Parameters.Add(new NpgsqlParameter<Guid>("canonical_id", canonicalId));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result.Add(new CrossReferenceLink(reader.GetString(0), canonicalId, reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
                    }
                }
            }
        }

        return result;
    }

    /// <inheritdoc/>
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
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var oldCanonical = await SelectCanonicalAsync(connection, transaction, tenant, recordType, system, oldExternalId, cancellationToken, forUpdate: true).ConfigureAwait(false);
                var newCanonical = await SelectCanonicalAsync(connection, transaction, tenant, recordType, system, newExternalId, cancellationToken, forUpdate: true).ConfigureAwait(false);
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

                var move = KeyCommand(
                    connection,
                    transaction,
                    newCanonical is null
                        ? $"UPDATE {_xref} SET external_id = @new_external_id WHERE tenant = @tenant AND system = @system AND record_type = @record_type AND external_id = @external_id"
                        : $"DELETE FROM {_xref} WHERE tenant = @tenant AND system = @system AND record_type = @record_type AND external_id = @external_id",
                    tenant,
                    recordType,
                    system,
                    oldExternalId);
                await using (move.ConfigureAwait(false))
                {
                    move.Parameters.Add(new NpgsqlParameter<string>("new_external_id", newExternalId));
                    try
                    {
                        await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (PostgresException ex) when (PostgreSqlErrors.IsUniqueViolation(ex))
                    {
                        throw Conflict($"{system} {recordType} '{newExternalId}' was linked concurrently to another canonical id.");
                    }
                }

                await InsertHistoryAsync(
                    connection,
                    transaction,
                    tenant,
                    new CrossReferenceHistoryEntry(CrossReferenceChangeKind.Rekeyed, recordType, canonicalId, null, system, oldExternalId, newExternalId, default),
                    cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return canonicalId;
            }
        }
    }

    /// <inheritdoc/>
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

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (!await HasLinksAsync(connection, transaction, tenant, recordType, survivorCanonicalId, cancellationToken).ConfigureAwait(false))
                {
                    throw new IntegrationException(CrossReferenceErrorCodes.NotFound, $"Survivor {recordType} {survivorCanonicalId} has no cross-reference.");
                }

                if (!await HasLinksAsync(connection, transaction, tenant, recordType, loserCanonicalId, cancellationToken).ConfigureAwait(false))
                {
                    throw new IntegrationException(CrossReferenceErrorCodes.NotFound, $"Loser {recordType} {loserCanonicalId} has no cross-reference.");
                }

                var move = new NpgsqlCommand($"UPDATE {_xref} SET canonical_id = @survivor WHERE tenant = @tenant AND canonical_id = @loser", connection, transaction);
                await using (move.ConfigureAwait(false))
                {
                    move.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
                    move.Parameters.Add(new NpgsqlParameter<Guid>("survivor", survivorCanonicalId));
                    move.Parameters.Add(new NpgsqlParameter<Guid>("loser", loserCanonicalId));
                    await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await InsertHistoryAsync(
                    connection,
                    transaction,
                    tenant,
                    new CrossReferenceHistoryEntry(CrossReferenceChangeKind.Merged, recordType, loserCanonicalId, survivorCanonicalId, null, null, null, default),
                    cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<CrossReferenceHistoryEntry>> GetHistoryAsync(
        string tenant,
        Guid canonicalId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        var result = new List<CrossReferenceHistoryEntry>();
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"""
                SELECT kind, record_type, canonical_id, survivor_canonical_id, system, old_external_id, new_external_id, occurred_at
                FROM {_history}
                WHERE tenant = @tenant AND (canonical_id = @canonical_id OR survivor_canonical_id = @canonical_id)
                ORDER BY seq
                """,
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
                command.Parameters.Add(new NpgsqlParameter<Guid>("canonical_id", canonicalId));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result.Add(new CrossReferenceHistoryEntry(
                            (CrossReferenceChangeKind)reader.GetInt16(0),
                            reader.GetString(1),
                            reader.GetGuid(2),
                            reader.IsDBNull(3) ? null : reader.GetGuid(3),
                            reader.IsDBNull(4) ? null : reader.GetString(4),
                            reader.IsDBNull(5) ? null : reader.GetString(5),
                            reader.IsDBNull(6) ? null : reader.GetString(6),
                            reader.GetFieldValue<DateTimeOffset>(7)));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    /// <returns>A task that completes when the data source is disposed.</returns>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    public void Dispose() => _database.Dispose();

    private static void ThrowIfOther(Guid existing, Guid canonicalId, string tenant, string recordType, string system, string externalId)
    {
        if (existing != canonicalId)
        {
            throw Conflict($"{system} {recordType} '{externalId}' of tenant '{tenant}' is linked to canonical id {existing}, not {canonicalId}.");
        }
    }

    private static NpgsqlCommand KeyCommand(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        string tenant,
        string recordType,
        string system,
        string externalId)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
        command.Parameters.Add(new NpgsqlParameter<string>("system", system));
        command.Parameters.Add(new NpgsqlParameter<string>("record_type", recordType));
        command.Parameters.Add(new NpgsqlParameter<string>("external_id", externalId));
        return command;
    }

    private DateTimeOffset Now() => PostgreSqlTime.Now(_timeProvider);

    private async ValueTask<Guid?> SelectCanonicalAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string tenant,
        string recordType,
        string system,
        string externalId,
        CancellationToken cancellationToken,
        bool forUpdate = false)
    {
        var select = KeyCommand(connection, transaction, forUpdate ? _selectCanonical + " FOR UPDATE" : _selectCanonical, tenant, recordType, system, externalId);
        await using (select.ConfigureAwait(false))
        {
            return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is Guid found ? found : null;
        }
    }

    private async ValueTask<bool> HasLinksAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string tenant,
        string recordType,
        Guid canonicalId,
        CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM {_xref} WHERE tenant = @tenant AND canonical_id = @canonical_id AND record_type = @record_type)",
            connection,
            transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
            command.Parameters.Add(new NpgsqlParameter<Guid>("canonical_id", canonicalId));
            command.Parameters.Add(new NpgsqlParameter<string>("record_type", recordType));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
        }
    }

    private async ValueTask InsertHistoryAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string tenant,
        CrossReferenceHistoryEntry entry,
        CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(
            $"""
            INSERT INTO {_history} (tenant, kind, record_type, canonical_id, survivor_canonical_id, system, old_external_id, new_external_id, occurred_at)
            VALUES (@tenant, @kind, @record_type, @canonical_id, @survivor, @system, @old_external_id, @new_external_id, @now)
            """,
            connection,
            transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
            command.Parameters.Add(new NpgsqlParameter<short>("kind", (short)entry.Kind));
            command.Parameters.Add(new NpgsqlParameter<string>("record_type", entry.RecordType));
            command.Parameters.Add(new NpgsqlParameter<Guid>("canonical_id", entry.CanonicalId));
            command.Parameters.Add(new NpgsqlParameter("survivor", NpgsqlDbType.Uuid) { Value = entry.SurvivorCanonicalId is { } survivor ? survivor : DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("system", NpgsqlDbType.Text) { Value = (object?)entry.System ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("old_external_id", NpgsqlDbType.Text) { Value = (object?)entry.OldExternalId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("new_external_id", NpgsqlDbType.Text) { Value = (object?)entry.NewExternalId ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", Now()));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
