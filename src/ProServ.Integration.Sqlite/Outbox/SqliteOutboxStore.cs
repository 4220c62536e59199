using Microsoft.Data.Sqlite;
using ProServ.Integration.Outbox;

namespace ProServ.Integration.Sqlite.Outbox;

/// <summary>
/// Keeps outbox messages in the SQLite table <c>proserv_outbox</c>. A claim is one conditional <c>UPDATE … RETURNING</c> in a
/// <c>BEGIN IMMEDIATE</c> transaction, so claims of relays in any process on the machine are exclusive; finishing a message
/// is one <c>UPDATE</c> conditioned on the claim's lease token.
/// </summary>
internal sealed class SqliteOutboxStore : ISqliteOutboxStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    public SqliteOutboxStore(SqliteDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
    }

    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await _database.EnsureCreatedAsync(SqliteOutboxSchema.Feature, SqliteOutboxSchema.Ddl, cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateMessage(message);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            return await InsertAsync(command, message, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask<bool> EnqueueAsync(SqliteTransaction transaction, OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        OutboxArguments.ValidateMessage(message);
        if (transaction.Connection is null)
        {
            throw new ArgumentException("The transaction has already completed.", nameof(transaction));
        }

        var command = transaction.Connection.CreateCommand();
        command.Transaction = transaction;
        return InsertAndDisposeAsync(command, message, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<OutboxEntry>> ClaimAsync(int maxBatch, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateClaim(maxBatch, leaseDuration);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = _timeProvider.GetUtcNow();
                var nowMs = now.ToUnixTimeMilliseconds();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = SqliteOutboxSchema.Claim;
                command.Parameters.AddWithValue("$token", Guid.CreateVersion7(now).ToString("D"));
                command.Parameters.AddWithValue("$expires", nowMs + (long)leaseDuration.TotalMilliseconds);
                command.Parameters.AddWithValue("$now", nowMs);
                command.Parameters.AddWithValue("$max", maxBatch);
                var claimed = new List<OutboxEntry>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        claimed.Add(Read(reader));
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                claimed.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
                return claimed;
            }
        }
    }

    public ValueTask<bool> MarkPublishedAsync(OutboxEntry entry, CancellationToken cancellationToken = default) =>
        FinishAsync(entry, SqliteOutboxSchema.MarkPublished, null, null, null, cancellationToken);

    public async ValueTask<int> MarkPublishedManyAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            OutboxArguments.ValidateEntry(entry);
        }

        if (entries.Count == 0)
        {
            return 0;
        }

        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = SqliteOutboxSchema.MarkPublished;
                var seq = command.Parameters.Add("$seq", SqliteType.Integer);
                var tenant = command.Parameters.Add("$tenant", SqliteType.Text);
                var token = command.Parameters.Add("$token", SqliteType.Text);
                command.Parameters.AddWithValue("$now", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
                var marked = 0;
                foreach (var entry in entries)
                {
                    seq.Value = entry.Sequence;
                    tenant.Value = entry.Tenant;
                    token.Value = entry.LeaseToken.ToString("D");
                    marked += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return marked;
            }
        }
    }

    public ValueTask<bool> RescheduleAsync(OutboxEntry entry, DateTimeOffset availableAt, string errorCode, string errorMessage, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateError(errorCode, errorMessage);
        return FinishAsync(entry, SqliteOutboxSchema.Reschedule, availableAt.ToUnixTimeMilliseconds(), errorCode, errorMessage, cancellationToken);
    }

    public ValueTask<bool> ReleaseAsync(OutboxEntry entry, CancellationToken cancellationToken = default) =>
        FinishAsync(entry, SqliteOutboxSchema.Release, null, null, null, cancellationToken);

    public ValueTask<bool> MarkDeadLetteredAsync(OutboxEntry entry, string errorCode, string errorMessage, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateError(errorCode, errorMessage);
        return FinishAsync(entry, SqliteOutboxSchema.MarkDeadLettered, null, errorCode, errorMessage, cancellationToken);
    }

    public async ValueTask<OutboxEntry?> GetAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateKey(tenant, id);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = SqliteOutboxSchema.Select;
            command.Parameters.AddWithValue("$tenant", tenant);
            command.Parameters.AddWithValue("$message_id", id);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
            }
        }
    }

    public async ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = SqliteOutboxSchema.Purge;
            command.Parameters.AddWithValue("$older_than", olderThan.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$max", maxBatch);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<bool> InsertAndDisposeAsync(SqliteCommand command, OutboxMessage message, CancellationToken cancellationToken)
    {
        using (command)
        {
            return await InsertAsync(command, message, cancellationToken).ConfigureAwait(false);
        }
    }

    private static OutboxEntry Read(SqliteDataReader reader)
    {
        var token = reader.IsDBNull(12) ? Guid.Empty : Guid.Parse(reader.GetString(12));
        return new OutboxEntry
        {
            Sequence = reader.GetInt64(0),
            Id = reader.GetString(1),
            Tenant = reader.GetString(2),
            Stream = reader.GetString(3),
            Type = reader.GetString(4),
            Payload = (byte[])reader.GetValue(5),
            ContentType = reader.GetString(6),
            CorrelationId = reader.IsDBNull(7) ? null : reader.GetString(7),
            State = (OutboxState)reader.GetInt32(8),
            Attempts = reader.GetInt32(9),
            EnqueuedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
            AvailableAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
            LeaseToken = token,
            LeaseExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
            CompletedAt = reader.IsDBNull(14) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)),
            LastErrorCode = reader.IsDBNull(15) ? null : reader.GetString(15),
            LastErrorMessage = reader.IsDBNull(16) ? null : reader.GetString(16),
        };
    }

    private async ValueTask<bool> InsertAsync(SqliteCommand command, OutboxMessage message, CancellationToken cancellationToken)
    {
        command.CommandText = SqliteOutboxSchema.Insert;
        command.Parameters.AddWithValue("$tenant", message.Tenant);
        command.Parameters.AddWithValue("$message_id", message.Id);
        command.Parameters.AddWithValue("$stream", message.Stream);
        command.Parameters.AddWithValue("$type", message.Type);
        command.Parameters.AddWithValue("$payload", message.Payload.ToArray());
        command.Parameters.AddWithValue("$content_type", message.ContentType);
        command.Parameters.AddWithValue("$correlation_id", (object?)message.CorrelationId ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async ValueTask<bool> FinishAsync(OutboxEntry entry, string sql, long? availableMs, string? errorCode, string? errorMessage, CancellationToken cancellationToken)
    {
        OutboxArguments.ValidateEntry(entry);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$seq", entry.Sequence);
            command.Parameters.AddWithValue("$tenant", entry.Tenant);
            command.Parameters.AddWithValue("$token", entry.LeaseToken.ToString("D"));
            command.Parameters.AddWithValue("$now", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$available", (object?)availableMs ?? DBNull.Value);
            command.Parameters.AddWithValue("$error_code", (object?)errorCode ?? DBNull.Value);
            command.Parameters.AddWithValue("$error_message", (object?)errorMessage ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }
}
