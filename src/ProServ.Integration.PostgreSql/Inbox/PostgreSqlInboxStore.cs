using Npgsql;
using ProServ.Integration.Inbox;

namespace ProServ.Integration.PostgreSql.Inbox;

/// <summary>Keeps inbox records in PostgreSQL (table <c>inbox</c> of the configured schema), unique per (consumer, message id).</summary>
/// <remarks>
/// A record is one <c>INSERT … ON CONFLICT DO NOTHING</c>, so of concurrent callers with the same pair on any machine
/// exactly one gets <see langword="true"/>. Purge deletes bounded batches chosen with <c>FOR UPDATE SKIP LOCKED</c>.
/// Times come from the injected <see cref="TimeProvider"/>, truncated to milliseconds. Thread-safe; share one instance per
/// database and schema.
/// </remarks>
public sealed class PostgreSqlInboxStore : IPostgreSqlInboxStore, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly string _insert;
    private readonly string _delete;
    private readonly string _purge;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlInboxStore"/> class.</summary>
    /// <param name="options">The database options.</param>
    /// <param name="timeProvider">The clock that stamps records; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public PostgreSqlInboxStore(PostgreSqlStoreOptions options, TimeProvider? timeProvider = null)
    {
        _database = new PostgreSqlDatabase(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        var table = _database.SchemaName + ".inbox";
        _insert = $"INSERT INTO {table} (consumer, message_id, recorded_at) VALUES (@consumer, @message_id, @now) ON CONFLICT (consumer, message_id) DO NOTHING";
        _delete = $"DELETE FROM {table} WHERE consumer = @consumer AND message_id = @message_id";
        _purge = $"""
            DELETE FROM {table} WHERE (consumer, message_id) IN (
                SELECT consumer, message_id FROM {table} WHERE recorded_at < @older_than
                ORDER BY recorded_at LIMIT @max FOR UPDATE SKIP LOCKED)
            """;
    }

    /// <inheritdoc/>
    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await _database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<bool> TryRecordAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        InboxArguments.ValidateKey(consumer, messageId);
        return await ExecuteAsync(_insert, consumer, messageId, cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryRecordAsync(NpgsqlTransaction transaction, string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        var connection = PostgreSqlTransactions.ConnectionOf(transaction);
        InboxArguments.ValidateKey(consumer, messageId);
        try
        {
            var command = new NpgsqlCommand(_insert, connection, transaction);
            await using (command.ConfigureAwait(false))
            {
                AddKey(command, consumer, messageId);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }
        }
        catch (InvalidOperationException ex) when (!PostgreSqlTransactions.IsOpen(transaction))
        {
            throw new ArgumentException(PostgreSqlTransactions.CompletedMessage, nameof(transaction), ex);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> RemoveAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        InboxArguments.ValidateKey(consumer, messageId);
        return await ExecuteAsync(_delete, consumer, messageId, cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(_purge, connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("older_than", olderThan));
                command.Parameters.Add(new NpgsqlParameter<long>("max", maxBatch));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    /// <returns>A task that completes when the data source is disposed.</returns>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    public void Dispose() => _database.Dispose();

    private void AddKey(NpgsqlCommand command, string consumer, string messageId)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("consumer", consumer));
        command.Parameters.Add(new NpgsqlParameter<string>("message_id", messageId));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", PostgreSqlTime.Now(_timeProvider)));
    }

    private async ValueTask<int> ExecuteAsync(string sql, string consumer, string messageId, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                AddKey(command, consumer, messageId);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
