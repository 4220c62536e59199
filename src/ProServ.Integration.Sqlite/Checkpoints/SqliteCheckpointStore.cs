using Microsoft.Data.Sqlite;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.Errors;
using static ProServ.Integration.Checkpoints.CheckpointArguments;

namespace ProServ.Integration.Sqlite.Checkpoints;

/// <summary>
/// Keeps checkpoints in the SQLite table <c>proserv_checkpoint</c>. An advance is one conditional statement (insert when
/// the expected version is 0, otherwise update where the version matches), so compare-and-advance is atomic.
/// </summary>
internal sealed class SqliteCheckpointStore : ISqliteCheckpointStore
{
    private const string InsertFirst = """
        INSERT INTO proserv_checkpoint (tenant, connector, stream, cursor, version, updated_ms)
        VALUES ($tenant, $connector, $stream, $cursor, 1, $now)
        ON CONFLICT (tenant, connector, stream) DO NOTHING;
        """;

    private const string UpdateNext = """
        UPDATE proserv_checkpoint SET cursor = $cursor, version = version + 1, updated_ms = $now
        WHERE tenant = $tenant AND connector = $connector AND stream = $stream AND version = $expected;
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    public SqliteCheckpointStore(SqliteDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
    }

    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await _database.EnsureCreatedAsync(SqliteCheckpointSchema.Feature, SqliteCheckpointSchema.Ddl, cancellationToken).ConfigureAwait(false);

    public async ValueTask<Checkpoint?> GetAsync(string tenant, string connector, string stream, CancellationToken cancellationToken = default)
    {
        ValidateKey(tenant, connector, stream);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT cursor, version, updated_ms FROM proserv_checkpoint WHERE tenant = $tenant AND connector = $connector AND stream = $stream;";
            AddKey(command, tenant, connector, stream);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new Checkpoint(tenant, connector, stream, reader.GetString(0), reader.GetInt64(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
            }
        }
    }

    public async ValueTask<Checkpoint> AdvanceAsync(
        string tenant,
        string connector,
        string stream,
        long expectedVersion,
        string cursor,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(tenant, connector, stream);
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var checkpoint = await AdvanceCoreAsync(transaction, tenant, connector, stream, expectedVersion, cursor, cancellationToken).ConfigureAwait(false);
            transaction.Commit();
            return checkpoint;
        }
    }

    public ValueTask<Checkpoint> AdvanceAsync(
        SqliteTransaction transaction,
        string tenant,
        string connector,
        string stream,
        long expectedVersion,
        string cursor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ValidateKey(tenant, connector, stream);
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        if (transaction.Connection is null)
        {
            throw new ArgumentException("The transaction has already completed.", nameof(transaction));
        }

        return AdvanceCoreAsync(transaction, tenant, connector, stream, expectedVersion, cursor, cancellationToken);
    }

    private static void AddKey(SqliteCommand command, string tenant, string connector, string stream)
    {
        command.Parameters.AddWithValue("$tenant", tenant);
        command.Parameters.AddWithValue("$connector", connector);
        command.Parameters.AddWithValue("$stream", stream);
    }

    private async ValueTask<Checkpoint> AdvanceCoreAsync(
        SqliteTransaction transaction,
        string tenant,
        string connector,
        string stream,
        long expectedVersion,
        string cursor,
        CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = expectedVersion == 0 ? InsertFirst : UpdateNext;
        AddKey(command, tenant, connector, stream);
        command.Parameters.AddWithValue("$cursor", cursor);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$expected", expectedVersion);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new IntegrationException(
                CheckpointErrorCodes.Conflict,
                $"Checkpoint {connector}/{stream} of tenant '{tenant}' is not at version {expectedVersion}: another worker advanced it.");
        }

        return new Checkpoint(tenant, connector, stream, cursor, expectedVersion + 1, DateTimeOffset.FromUnixTimeMilliseconds(now));
    }
}
