using Microsoft.Data.Sqlite;
using ProServ.Integration.Inbox;

namespace ProServ.Integration.Sqlite.Inbox;

/// <summary>Keeps inbox records in the SQLite table <c>proserv_inbox</c>; a record is one <c>INSERT … ON CONFLICT DO NOTHING</c>.</summary>
internal sealed class SqliteInboxStore : ISqliteInboxStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    public SqliteInboxStore(SqliteDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
    }

    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await _database.EnsureCreatedAsync(SqliteInboxSchema.Feature, SqliteInboxSchema.Ddl, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> TryRecordAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        InboxArguments.ValidateKey(consumer, messageId);
        return await ExecuteAsync(SqliteInboxSchema.Insert, consumer, messageId, cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<bool> TryRecordAsync(SqliteTransaction transaction, string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        InboxArguments.ValidateKey(consumer, messageId);
        if (transaction.Connection is null)
        {
            throw new ArgumentException("The transaction has already completed.", nameof(transaction));
        }

        using var command = transaction.Connection.CreateCommand();
        command.Transaction = transaction;
        Prepare(command, SqliteInboxSchema.Insert, consumer, messageId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<bool> RemoveAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        InboxArguments.ValidateKey(consumer, messageId);
        return await ExecuteAsync(SqliteInboxSchema.Delete, consumer, messageId, cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = SqliteInboxSchema.Purge;
            command.Parameters.AddWithValue("$older_than", olderThan.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$max", maxBatch);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Prepare(SqliteCommand command, string sql, string consumer, string messageId)
    {
        command.CommandText = sql;
        command.Parameters.AddWithValue("$consumer", consumer);
        command.Parameters.AddWithValue("$message_id", messageId);
        command.Parameters.AddWithValue("$now", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private async ValueTask<int> ExecuteAsync(string sql, string consumer, string messageId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            Prepare(command, sql, consumer, messageId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
