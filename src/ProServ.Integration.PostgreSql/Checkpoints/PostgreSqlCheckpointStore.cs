using Npgsql;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.Errors;
using static ProServ.Integration.Checkpoints.CheckpointArguments;

namespace ProServ.Integration.PostgreSql.Checkpoints;

/// <summary>Keeps checkpoints in PostgreSQL (table <c>checkpoint</c> of the configured schema).</summary>
/// <remarks>
/// An advance is one conditional statement: <c>INSERT … ON CONFLICT DO NOTHING</c> when the expected version is 0,
/// otherwise <c>UPDATE … WHERE version = expected</c>; row-level locking makes compare-and-advance atomic across
/// machines while writers of other streams never wait. Times come from the injected <see cref="TimeProvider"/>.
/// Thread-safe; share one instance per database and schema.
/// </remarks>
public sealed class PostgreSqlCheckpointStore : IPostgreSqlCheckpointStore, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly string _select;
    private readonly string _insertFirst;
    private readonly string _updateNext;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlCheckpointStore"/> class.</summary>
    /// <param name="options">The database options.</param>
    /// <param name="timeProvider">The clock that stamps advances; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public PostgreSqlCheckpointStore(PostgreSqlStoreOptions options, TimeProvider? timeProvider = null)
    {
        _database = new PostgreSqlDatabase(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        var table = _database.SchemaName + ".checkpoint";
        _select = $"SELECT cursor, version, updated_at FROM {table} WHERE tenant = @tenant AND connector = @connector AND stream = @stream";
        _insertFirst = $"""
            INSERT INTO {table} (tenant, connector, stream, cursor, version, updated_at)
            VALUES (@tenant, @connector, @stream, @cursor, 1, @now)
            ON CONFLICT (tenant, connector, stream) DO NOTHING
            """;
        _updateNext = $"""
            UPDATE {table} SET cursor = @cursor, version = version + 1, updated_at = @now
            WHERE tenant = @tenant AND connector = @connector AND stream = @stream AND version = @expected
            """;
    }

    /// <inheritdoc/>
    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await _database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<Checkpoint?> GetAsync(string tenant, string connector, string stream, CancellationToken cancellationToken = default)
    {
        ValidateKey(tenant, connector, stream);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(_select, connection);
            await using (command.ConfigureAwait(false))
            {
                AddKey(command, tenant, connector, stream);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    return new Checkpoint(tenant, connector, stream, reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2));
                }
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Checkpoint> AdvanceAsync(
        string tenant,
        string connector,
        string stream,
        long expectedVersion,
        string cursor,
        CancellationToken cancellationToken = default)
    {
        ValidateAdvance(tenant, connector, stream, expectedVersion, cursor);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await AdvanceCoreAsync(connection, null, tenant, connector, stream, expectedVersion, cursor, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<Checkpoint> AdvanceAsync(
        NpgsqlTransaction transaction,
        string tenant,
        string connector,
        string stream,
        long expectedVersion,
        string cursor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ValidateAdvance(tenant, connector, stream, expectedVersion, cursor);
        var connection = PostgreSqlTransactions.ConnectionOf(transaction);
        try
        {
            return await AdvanceCoreAsync(connection, transaction, tenant, connector, stream, expectedVersion, cursor, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (!PostgreSqlTransactions.IsOpen(transaction))
        {
            // Npgsql reports a committed or rolled-back transaction only when the command runs.
            throw new ArgumentException(PostgreSqlTransactions.CompletedMessage, nameof(transaction), ex);
        }
    }

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    /// <returns>A task that completes when the data source is disposed.</returns>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    public void Dispose() => _database.Dispose();

    private static void ValidateAdvance(string tenant, string connector, string stream, long expectedVersion, string cursor)
    {
        ValidateKey(tenant, connector, stream);
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
    }

    private static void AddKey(NpgsqlCommand command, string tenant, string connector, string stream)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
        command.Parameters.Add(new NpgsqlParameter<string>("connector", connector));
        command.Parameters.Add(new NpgsqlParameter<string>("stream", stream));
    }

    private async ValueTask<Checkpoint> AdvanceCoreAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string tenant,
        string connector,
        string stream,
        long expectedVersion,
        string cursor,
        CancellationToken cancellationToken)
    {
        var now = PostgreSqlTime.Now(_timeProvider);
        var command = new NpgsqlCommand(expectedVersion == 0 ? _insertFirst : _updateNext, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            AddKey(command, tenant, connector, stream);
            command.Parameters.Add(new NpgsqlParameter<string>("cursor", cursor));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            if (expectedVersion != 0)
            {
                command.Parameters.Add(new NpgsqlParameter<long>("expected", expectedVersion));
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new IntegrationException(
                    CheckpointErrorCodes.Conflict,
                    $"Checkpoint {connector}/{stream} of tenant '{tenant}' is not at version {expectedVersion}: another worker advanced it.");
            }
        }

        return new Checkpoint(tenant, connector, stream, cursor, expectedVersion + 1, now);
    }
}
