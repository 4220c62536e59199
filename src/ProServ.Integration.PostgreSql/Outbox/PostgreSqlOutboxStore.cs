using Npgsql;
using ProServ.Integration.Outbox;

namespace ProServ.Integration.PostgreSql.Outbox;

/// <summary>Keeps outbox messages in PostgreSQL (table <c>outbox</c> of the configured schema), unique per (tenant, message id).</summary>
/// <remarks>
/// <para>A claim is one statement: it locks the first due messages with <c>FOR UPDATE SKIP LOCKED</c>, so relays on many
/// machines claim disjoint messages without waiting for each other, keeps only the messages every earlier pending message
/// of whose (tenant, stream) it holds too, and leases them with <c>UPDATE … RETURNING</c>. Finishing a message is one
/// <c>UPDATE</c> conditioned on the claim's lease token.</para>
/// <para>Per-stream order is the order of <c>seq</c>, allocated when a message is inserted. Two transactions that enqueue
/// into the same stream concurrently may commit in the other order; serialise such writers (they normally already lock the
/// aggregate row the stream belongs to).</para>
/// <para>Times come from the injected <see cref="TimeProvider"/>, truncated to milliseconds. Thread-safe; share one instance
/// per database and schema.</para>
/// </remarks>
public sealed class PostgreSqlOutboxStore : IPostgreSqlOutboxStore, IAsyncDisposable, IDisposable
{
    private readonly PostgreSqlDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly PostgreSqlOutboxSql _sql;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlOutboxStore"/> class.</summary>
    /// <param name="options">The database options.</param>
    /// <param name="timeProvider">The clock that stamps messages and leases; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public PostgreSqlOutboxStore(PostgreSqlStoreOptions options, TimeProvider? timeProvider = null)
    {
        _database = new PostgreSqlDatabase(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _sql = new PostgreSqlOutboxSql(_database.SchemaName);
    }

    /// <inheritdoc/>
    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await _database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateMessage(message);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await InsertAsync(connection, null, message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> EnqueueAsync(NpgsqlTransaction transaction, OutboxMessage message, CancellationToken cancellationToken = default)
    {
        var connection = PostgreSqlTransactions.ConnectionOf(transaction);
        OutboxArguments.ValidateMessage(message);
        try
        {
            return await InsertAsync(connection, transaction, message, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (!PostgreSqlTransactions.IsOpen(transaction))
        {
            throw new ArgumentException(PostgreSqlTransactions.CompletedMessage, nameof(transaction), ex);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<OutboxEntry>> ClaimAsync(int maxBatch, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateClaim(maxBatch, leaseDuration);
        var now = PostgreSqlTime.Now(_timeProvider);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(_sql.Claim, connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<Guid>("token", Guid.CreateVersion7(now)));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("expires", PostgreSqlTime.Truncate(now + leaseDuration)));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                command.Parameters.Add(new NpgsqlParameter<long>("max", maxBatch));
                var claimed = new List<OutboxEntry>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        claimed.Add(Read(reader));
                    }
                }

                claimed.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
                return claimed;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> MarkPublishedAsync(OutboxEntry entry, CancellationToken cancellationToken = default) =>
        FinishAsync(entry, _sql.MarkPublished, null, null, null, cancellationToken);

    /// <inheritdoc/>
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

        var now = PostgreSqlTime.Now(_timeProvider);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var batch = new NpgsqlBatch(connection);
            await using (batch.ConfigureAwait(false))
            {
                foreach (var entry in entries)
                {
                    var command = new NpgsqlBatchCommand(_sql.MarkPublished);
                    AddHeld(command.Parameters, entry);
                    command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                    batch.BatchCommands.Add(command);
                }

                // One round trip; Npgsql runs a batch in an implicit transaction.
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                var marked = 0;
                foreach (var command in batch.BatchCommands)
                {
                    marked += command.RecordsAffected;
                }

                return marked;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> RescheduleAsync(OutboxEntry entry, DateTimeOffset availableAt, string errorCode, string errorMessage, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateError(errorCode, errorMessage);
        return FinishAsync(entry, _sql.Reschedule, PostgreSqlTime.Truncate(availableAt), errorCode, errorMessage, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<bool> ReleaseAsync(OutboxEntry entry, CancellationToken cancellationToken = default) =>
        FinishAsync(entry, _sql.Release, null, null, null, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> MarkDeadLetteredAsync(OutboxEntry entry, string errorCode, string errorMessage, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateError(errorCode, errorMessage);
        return FinishAsync(entry, _sql.MarkDeadLettered, null, errorCode, errorMessage, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<OutboxEntry?> GetAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateKey(tenant, id);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(_sql.Select, connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
                command.Parameters.Add(new NpgsqlParameter<string>("message_id", id));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
                }
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(_sql.Purge, connection);
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

    private static OutboxEntry Read(NpgsqlDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        Id = reader.GetString(1),
        Tenant = reader.GetString(2),
        Stream = reader.GetString(3),
        Type = reader.GetString(4),
        Payload = reader.GetFieldValue<byte[]>(5),
        ContentType = reader.GetString(6),
        CorrelationId = reader.IsDBNull(7) ? null : reader.GetString(7),
        State = (OutboxState)reader.GetInt16(8),
        Attempts = reader.GetInt32(9),
        EnqueuedAt = reader.GetFieldValue<DateTimeOffset>(10),
        AvailableAt = reader.GetFieldValue<DateTimeOffset>(11),
        LeaseToken = reader.IsDBNull(12) ? Guid.Empty : reader.GetGuid(12),
        LeaseExpiresAt = reader.GetFieldValue<DateTimeOffset>(13),
        CompletedAt = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
        LastErrorCode = reader.IsDBNull(15) ? null : reader.GetString(15),
        LastErrorMessage = reader.IsDBNull(16) ? null : reader.GetString(16),
    };

    private static void AddHeld(NpgsqlParameterCollection parameters, OutboxEntry entry)
    {
        parameters.Add(new NpgsqlParameter<long>("seq", entry.Sequence));
        parameters.Add(new NpgsqlParameter<string>("tenant", entry.Tenant));
        parameters.Add(new NpgsqlParameter<Guid>("token", entry.LeaseToken));
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private async ValueTask<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OutboxMessage message, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(_sql.Insert, connection, transaction);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter<string>("tenant", message.Tenant));
            command.Parameters.Add(new NpgsqlParameter<string>("message_id", message.Id));
            command.Parameters.Add(new NpgsqlParameter<string>("stream", message.Stream));
            command.Parameters.Add(new NpgsqlParameter<string>("type", message.Type));
            command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("payload", message.Payload));
            command.Parameters.Add(new NpgsqlParameter<string>("content_type", message.ContentType));
            command.Parameters.Add(Text("correlation_id", message.CorrelationId));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", PostgreSqlTime.Now(_timeProvider)));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }

    private async ValueTask<bool> FinishAsync(OutboxEntry entry, string sql, DateTimeOffset? availableAt, string? errorCode, string? errorMessage, CancellationToken cancellationToken)
    {
        OutboxArguments.ValidateEntry(entry);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                AddHeld(command.Parameters, entry);
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", PostgreSqlTime.Now(_timeProvider)));
                if (availableAt is { } available)
                {
                    command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("available", available));
                }

                if (errorCode is not null)
                {
                    command.Parameters.Add(new NpgsqlParameter<string>("error_code", errorCode));
                    command.Parameters.Add(new NpgsqlParameter<string>("error_message", errorMessage!));
                }

                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
            }
        }
    }
}
