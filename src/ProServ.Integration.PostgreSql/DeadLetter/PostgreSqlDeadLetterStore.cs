using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Errors;

namespace ProServ.Integration.PostgreSql.DeadLetter;

/// <summary>Keeps dead-letter items in PostgreSQL (table <c>dead_letter</c> of the configured schema), unique per (tenant, idempotency key).</summary>
/// <remarks>
/// <para>A failure is one <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>. Listing is keyset paging on
/// (first failure, id). A bulk replay claims one page of pending items at a time with <c>FOR UPDATE SKIP LOCKED</c> and
/// marks them <c>claimed_until</c> now plus <see cref="PostgreSqlStoreOptions.ReplayClaimDuration"/>, so several replay
/// workers on several machines share a bulk replay without handling an item twice; no transaction is open while the
/// handler runs. Purge deletes bounded batches chosen with <c>FOR UPDATE SKIP LOCKED</c>.</para>
/// <para>Times come from the injected <see cref="TimeProvider"/>. Thread-safe; share one instance per database and schema.</para>
/// </remarks>
public sealed class PostgreSqlDeadLetterStore : IDeadLetterStore, IAsyncDisposable, IDisposable
{
    private const string Columns =
        "id, tenant, source, idempotency_key, correlation_id, error_code, error_message, payload, content_type, attempts, first_failed_at, last_failed_at, resolved_at";

    private const string Filter = """
        (@tenant::text IS NULL OR tenant = @tenant)
          AND (@error_code::text IS NULL OR error_code = @error_code)
          AND (@source::text IS NULL OR source = @source)
          AND (@older_than::timestamptz IS NULL OR first_failed_at < @older_than)
          AND (@after_at::timestamptz IS NULL OR (first_failed_at, id) > (@after_at, @after_id))
        """;

    private readonly PostgreSqlDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly DeadLetterRedactor _redactor;
    private readonly string _table;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlDeadLetterStore"/> class.</summary>
    /// <param name="options">The database options.</param>
    /// <param name="deadLetterOptions">The redaction settings applied by <see cref="ListAsync"/>; a new <see cref="DeadLetterOptions"/> when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock that stamps failures and resolutions; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public PostgreSqlDeadLetterStore(PostgreSqlStoreOptions options, DeadLetterOptions? deadLetterOptions = null, TimeProvider? timeProvider = null)
    {
        _database = new PostgreSqlDatabase(options);
        _redactor = new DeadLetterRedactor(deadLetterOptions ?? new DeadLetterOptions());
        _timeProvider = timeProvider ?? TimeProvider.System;
        _table = _database.SchemaName + ".dead_letter";
    }

    /// <inheritdoc/>
    public async ValueTask<DeadLetterItem> AddAsync(DeadLetterFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.Tenant, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.Source, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.IdempotencyKey, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.ErrorCode, nameof(failure));
        ArgumentNullException.ThrowIfNull(failure.ErrorMessage, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.ContentType, nameof(failure));
        var now = PostgreSqlTime.Now(_timeProvider);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"""
                INSERT INTO {_table} AS d ({Columns})
                VALUES (@id, @tenant, @source, @key, @correlation_id, @error_code, @error_message, @payload, @content_type, 1, @now, @now, NULL)
                ON CONFLICT (tenant, idempotency_key) DO UPDATE SET
                    attempts = d.attempts + 1,
                    last_failed_at = excluded.last_failed_at,
                    error_code = excluded.error_code,
                    error_message = excluded.error_message,
                    resolved_at = NULL
                RETURNING {Columns}
                """,
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<Guid>("id", Guid.CreateVersion7(now)));
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", failure.Tenant));
                command.Parameters.Add(new NpgsqlParameter<string>("source", failure.Source));
                command.Parameters.Add(new NpgsqlParameter<string>("key", failure.IdempotencyKey));
                command.Parameters.Add(Text("correlation_id", failure.CorrelationId));
                command.Parameters.Add(new NpgsqlParameter<string>("error_code", failure.ErrorCode));
                command.Parameters.Add(new NpgsqlParameter<string>("error_message", failure.ErrorMessage));
                command.Parameters.Add(new NpgsqlParameter<byte[]>("payload", failure.Payload.ToArray()));
                command.Parameters.Add(new NpgsqlParameter<string>("content_type", failure.ContentType));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    return ReadItem(reader);
                }
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = ParseToken(query.PageToken);
        var items = await QueryAsync(query, query.IncludeResolved, after, cancellationToken).ConfigureAwait(false);
        var count = Math.Min(query.PageSize, items.Count);
        var views = new List<DeadLetterView>(count);
        for (var i = 0; i < count; i++)
        {
            views.Add(_redactor.CreateView(items[i]));
        }

        return new DeadLetterPage(views, items.Count > count ? Token(items[count - 1]) : null);
    }

    /// <inheritdoc/>
    public async ValueTask<DeadLetterReplayResult> ReplayAsync(
        string tenant,
        Guid id,
        Func<DeadLetterItem, CancellationToken, ValueTask<ReplayOutcome>> handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(handler);
        DeadLetterItem? item = null;
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand($"SELECT {Columns} FROM {_table} WHERE id = @id AND tenant = @tenant", connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<Guid>("id", id));
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", tenant));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        item = ReadItem(reader);
                    }
                }
            }
        }

        if (item is null)
        {
            throw new IntegrationException(DeadLetterErrorCodes.NotFound, $"Tenant '{tenant}' has no dead-letter item {id}.");
        }

        return await ReplayItemAsync(item, handler, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<DeadLetterReplaySummary> ReplayAsync(
        DeadLetterQuery filter,
        Func<DeadLetterItem, CancellationToken, ValueTask<ReplayOutcome>> handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(handler);
        int resolved = 0, failed = 0;
        (DateTimeOffset At, Guid Id)? after = null;
        while (true)
        {
            // Another worker may hold part of a page, so a short page is not the end: only an empty claim is.
            var items = await ClaimAsync(filter, after, cancellationToken).ConfigureAwait(false);
            if (items.Count == 0)
            {
                return new DeadLetterReplaySummary(resolved, failed);
            }

            foreach (var item in items)
            {
                var result = await ReplayItemAsync(item, handler, cancellationToken).ConfigureAwait(false);
                if (result.Status == DeadLetterReplayStatus.Resolved)
                {
                    resolved++;
                }
                else if (result.Status == DeadLetterReplayStatus.Failed)
                {
                    failed++;
                }
            }

            after = (items[^1].FirstFailedAt, items[^1].Id);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"""
                DELETE FROM {_table} WHERE id IN (
                    SELECT id FROM {_table}
                    WHERE resolved_at IS NOT NULL AND resolved_at < @cutoff
                    ORDER BY resolved_at
                    LIMIT @max
                    FOR UPDATE SKIP LOCKED)
                """,
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("cutoff", PostgreSqlTime.Truncate(olderThan.ToUniversalTime())));
                command.Parameters.Add(new NpgsqlParameter<int>("max", maxBatch));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    /// <returns>A task that completes when the data source is disposed.</returns>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    public void Dispose() => _database.Dispose();

    /// <summary>
    /// Claims up to <see cref="DeadLetterQuery.PageSize"/> pending, unclaimed items after a keyset position, oldest first:
    /// rows locked by another claimer are skipped, and the claimed rows are marked until now plus the claim duration.
    /// </summary>
    /// <param name="filter">The filter and page size.</param>
    /// <param name="after">The keyset position of the previous page, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The claimed items, oldest first.</returns>
    internal async ValueTask<List<DeadLetterItem>> ClaimAsync(DeadLetterQuery filter, (DateTimeOffset At, Guid Id)? after, CancellationToken cancellationToken)
    {
        var now = PostgreSqlTime.Now(_timeProvider);
        var items = new List<DeadLetterItem>(filter.PageSize);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"""
                WITH claimed AS (
                    SELECT id FROM {_table}
                    WHERE resolved_at IS NULL AND (claimed_until IS NULL OR claimed_until <= @now)
                      AND {Filter}
                    ORDER BY first_failed_at, id
                    LIMIT @limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE {_table} d SET claimed_until = @claimed_until
                FROM claimed WHERE d.id = claimed.id
                RETURNING {Prefixed("d.")}
                """,
                connection);
            await using (command.ConfigureAwait(false))
            {
                AddFilter(command, filter, after);
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("claimed_until", now + _database.ReplayClaimDuration));
                command.Parameters.Add(new NpgsqlParameter<int>("limit", filter.PageSize));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        items.Add(ReadItem(reader));
                    }
                }
            }
        }

        // RETURNING does not keep the CTE's order.
        items.Sort(static (a, b) =>
        {
            var byTime = a.FirstFailedAt.CompareTo(b.FirstFailedAt);
            return byTime != 0 ? byTime : CompareUuid(a.Id, b.Id);
        });
        return items;
    }

    private static string Prefixed(string prefix) => prefix + Columns.Replace(", ", ", " + prefix, StringComparison.Ordinal);

    /// <summary>Compares two ids in PostgreSQL's <c>uuid</c> order (big-endian bytes).</summary>
    private static int CompareUuid(Guid a, Guid b)
    {
        Span<byte> x = stackalloc byte[16];
        Span<byte> y = stackalloc byte[16];
        a.TryWriteBytes(x, bigEndian: true, out _);
        b.TryWriteBytes(y, bigEndian: true, out _);
        return x.SequenceCompareTo(y);
    }

    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static void AddFilter(NpgsqlCommand command, DeadLetterQuery query, (DateTimeOffset At, Guid Id)? after)
    {
        command.Parameters.Add(Text("tenant", query.Tenant));
        command.Parameters.Add(Text("error_code", query.ErrorCode));
        command.Parameters.Add(Text("source", query.Source));
        command.Parameters.Add(new NpgsqlParameter("older_than", NpgsqlDbType.TimestampTz)
        {
            Value = query.OlderThan is { } olderThan ? PostgreSqlTime.Truncate(olderThan.ToUniversalTime()) : DBNull.Value,
        });
        command.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = after is { } a ? a.At : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = after is { } b ? b.Id : DBNull.Value });
    }

    private static string Token(DeadLetterItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"{item.FirstFailedAt.ToUnixTimeMilliseconds()}.{item.Id:N}");

    private static (DateTimeOffset At, Guid Id)? ParseToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0
            && long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            && Guid.TryParseExact(token.AsSpan(dot + 1), "N", out var id))
        {
            return (DateTimeOffset.FromUnixTimeMilliseconds(ms), id);
        }

        throw new ArgumentException($"Page token '{token}' was not issued by this store.", nameof(token));
    }

    private static DeadLetterItem ReadItem(NpgsqlDataReader reader) =>
        new()
        {
            Id = reader.GetGuid(0),
            Tenant = reader.GetString(1),
            Source = reader.GetString(2),
            IdempotencyKey = reader.GetString(3),
            CorrelationId = reader.IsDBNull(4) ? null : reader.GetString(4),
            ErrorCode = reader.GetString(5),
            ErrorMessage = reader.GetString(6),
            Payload = reader.GetFieldValue<byte[]>(7),
            ContentType = reader.GetString(8),
            Attempts = reader.GetInt32(9),
            FirstFailedAt = reader.GetFieldValue<DateTimeOffset>(10),
            LastFailedAt = reader.GetFieldValue<DateTimeOffset>(11),
            ResolvedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
        };

    /// <summary>Reads up to <see cref="DeadLetterQuery.PageSize"/> + 1 matching items after a keyset position.</summary>
    private async ValueTask<List<DeadLetterItem>> QueryAsync(
        DeadLetterQuery query,
        bool includeResolved,
        (DateTimeOffset At, Guid Id)? after,
        CancellationToken cancellationToken)
    {
        var items = new List<DeadLetterItem>(query.PageSize + 1);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                $"""
                SELECT {Columns} FROM {_table}
                WHERE (@include_resolved OR resolved_at IS NULL)
                  AND {Filter}
                ORDER BY first_failed_at, id
                LIMIT @limit
                """,
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<bool>("include_resolved", includeResolved));
                AddFilter(command, query, after);
                command.Parameters.Add(new NpgsqlParameter<int>("limit", query.PageSize + 1));
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        items.Add(ReadItem(reader));
                    }
                }
            }
        }

        return items;
    }

    private async ValueTask<DeadLetterReplayResult> ReplayItemAsync(
        DeadLetterItem item,
        Func<DeadLetterItem, CancellationToken, ValueTask<ReplayOutcome>> handler,
        CancellationToken cancellationToken)
    {
        if (item.ResolvedAt is not null)
        {
            return new DeadLetterReplayResult(item.Id, DeadLetterReplayStatus.AlreadyResolved, item.Attempts);
        }

        var outcome = await DeadLetterReplay.RunHandlerAsync(item, handler, cancellationToken).ConfigureAwait(false);

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(
                outcome.IsSuccess
                    ? $"UPDATE {_table} SET resolved_at = coalesce(resolved_at, @now), claimed_until = NULL WHERE id = @id RETURNING attempts"
                    : $"""
                      UPDATE {_table}
                      SET attempts = attempts + 1, last_failed_at = @now, error_code = @error_code, error_message = @error_message, claimed_until = NULL
                      WHERE id = @id RETURNING attempts
                      """,
                connection);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(new NpgsqlParameter<Guid>("id", item.Id));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", PostgreSqlTime.Now(_timeProvider)));
                if (!outcome.IsSuccess)
                {
                    command.Parameters.Add(Text("error_code", outcome.ErrorCode));
                    command.Parameters.Add(Text("error_message", outcome.ErrorMessage));
                }

                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not int attempts)
                {
                    throw new IntegrationException(DeadLetterErrorCodes.NotFound, $"Dead-letter item {item.Id} was purged during replay.");
                }

                return new DeadLetterReplayResult(
                    item.Id,
                    outcome.IsSuccess ? DeadLetterReplayStatus.Resolved : DeadLetterReplayStatus.Failed,
                    attempts);
            }
        }
    }
}
