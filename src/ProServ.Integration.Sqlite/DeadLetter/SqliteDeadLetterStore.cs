using System.Globalization;
using Microsoft.Data.Sqlite;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Errors;

namespace ProServ.Integration.Sqlite.DeadLetter;

/// <summary>
/// Keeps dead-letter items in the SQLite table <c>proserv_dead_letter</c>, unique per (tenant, idempotency key).
/// Writes are single statements or <c>BEGIN IMMEDIATE</c> transactions; replay handlers run with no transaction open.
/// </summary>
internal sealed class SqliteDeadLetterStore : IDeadLetterStore
{
    private const string Columns =
        "id, tenant, source, idempotency_key, correlation_id, error_code, error_message, payload, content_type, attempts, first_failed_ms, last_failed_ms, resolved_ms";

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly DeadLetterRedactor _redactor;

    public SqliteDeadLetterStore(SqliteDatabase database, DeadLetterOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _redactor = new DeadLetterRedactor(options);
        _timeProvider = timeProvider;
    }

    public async ValueTask<DeadLetterItem> AddAsync(DeadLetterFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.Tenant, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.Source, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.IdempotencyKey, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.ErrorCode, nameof(failure));
        ArgumentNullException.ThrowIfNull(failure.ErrorMessage, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.ContentType, nameof(failure));
        var now = _timeProvider.GetUtcNow();
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            DeadLetterItem item;
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = $"""
                    INSERT INTO proserv_dead_letter ({Columns})
                    VALUES ($id, $tenant, $source, $key, $correlationId, $errorCode, $errorMessage, $payload, $contentType, 1, $now, $now, NULL)
                    ON CONFLICT (tenant, idempotency_key) DO UPDATE SET
                        attempts = attempts + 1,
                        last_failed_ms = excluded.last_failed_ms,
                        error_code = excluded.error_code,
                        error_message = excluded.error_message,
                        resolved_ms = NULL
                    RETURNING {Columns};
                    """;
                command.Parameters.AddWithValue("$id", FormatId(Guid.CreateVersion7(now)));
                command.Parameters.AddWithValue("$tenant", failure.Tenant);
                command.Parameters.AddWithValue("$source", failure.Source);
                command.Parameters.AddWithValue("$key", failure.IdempotencyKey);
                command.Parameters.AddWithValue("$correlationId", (object?)failure.CorrelationId ?? DBNull.Value);
                command.Parameters.AddWithValue("$errorCode", failure.ErrorCode);
                command.Parameters.AddWithValue("$errorMessage", failure.ErrorMessage);
                command.Parameters.Add("$payload", SqliteType.Blob).Value = failure.Payload.ToArray();
                command.Parameters.AddWithValue("$contentType", failure.ContentType);
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    item = ReadItem(reader);
                }
            }

            transaction.Commit();
            return item;
        }
    }

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

    public async ValueTask<DeadLetterReplayResult> ReplayAsync(
        string tenant,
        Guid id,
        Func<DeadLetterItem, CancellationToken, ValueTask<ReplayOutcome>> handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(handler);
        DeadLetterItem? item = null;
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM proserv_dead_letter WHERE id = $id AND tenant = $tenant;";
            command.Parameters.AddWithValue("$id", FormatId(id));
            command.Parameters.AddWithValue("$tenant", tenant);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    item = ReadItem(reader);
                }
            }
        }

        if (item is null)
        {
            throw new IntegrationException(DeadLetterErrorCodes.NotFound, $"Tenant '{tenant}' has no dead-letter item {id}.");
        }

        return await ReplayItemAsync(item, handler, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DeadLetterReplaySummary> ReplayAsync(
        DeadLetterQuery filter,
        Func<DeadLetterItem, CancellationToken, ValueTask<ReplayOutcome>> handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(handler);
        int resolved = 0, failed = 0;
        (long, string)? after = null;
        while (true)
        {
            var items = await QueryAsync(filter, includeResolved: false, after, cancellationToken).ConfigureAwait(false);
            var count = Math.Min(filter.PageSize, items.Count);
            for (var i = 0; i < count; i++)
            {
                var result = await ReplayItemAsync(items[i], handler, cancellationToken).ConfigureAwait(false);
                if (result.Status == DeadLetterReplayStatus.Resolved)
                {
                    resolved++;
                }
                else if (result.Status == DeadLetterReplayStatus.Failed)
                {
                    failed++;
                }
            }

            if (items.Count <= count)
            {
                return new DeadLetterReplaySummary(resolved, failed);
            }

            after = (items[count - 1].FirstFailedAt.ToUnixTimeMilliseconds(), FormatId(items[count - 1].Id));
        }
    }

    public async ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM proserv_dead_letter WHERE id IN (
                    SELECT id FROM proserv_dead_letter
                    WHERE resolved_ms IS NOT NULL AND resolved_ms < $cutoff
                    ORDER BY resolved_ms LIMIT $max);
                """;
            command.Parameters.AddWithValue("$cutoff", olderThan.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$max", maxBatch);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string FormatId(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);

    private static string Token(DeadLetterItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"{item.FirstFailedAt.ToUnixTimeMilliseconds()}.{FormatId(item.Id)}");

    private static (long FirstFailedMs, string Id)? ParseToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0
            && long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && Guid.TryParseExact(token.AsSpan(dot + 1), "N", out var id))
        {
            return (ms, FormatId(id));
        }

        throw new ArgumentException($"Page token '{token}' was not issued by this store.", nameof(token));
    }

    private static DeadLetterItem ReadItem(SqliteDataReader reader) =>
        new()
        {
            Id = Guid.ParseExact(reader.GetString(0), "N"),
            Tenant = reader.GetString(1),
            Source = reader.GetString(2),
            IdempotencyKey = reader.GetString(3),
            CorrelationId = reader.IsDBNull(4) ? null : reader.GetString(4),
            ErrorCode = reader.GetString(5),
            ErrorMessage = reader.GetString(6),
            Payload = reader.GetFieldValue<byte[]>(7),
            ContentType = reader.GetString(8),
            Attempts = reader.GetInt32(9),
            FirstFailedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
            LastFailedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
            ResolvedAt = reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
        };

    /// <summary>Reads up to <see cref="DeadLetterQuery.PageSize"/> + 1 matching items after a keyset position.</summary>
    private async ValueTask<List<DeadLetterItem>> QueryAsync(
        DeadLetterQuery query,
        bool includeResolved,
        (long FirstFailedMs, string Id)? after,
        CancellationToken cancellationToken)
    {
        var items = new List<DeadLetterItem>(query.PageSize + 1);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT {Columns} FROM proserv_dead_letter
                WHERE ($includeResolved = 1 OR resolved_ms IS NULL)
                  AND ($tenant IS NULL OR tenant = $tenant)
                  AND ($errorCode IS NULL OR error_code = $errorCode)
                  AND ($source IS NULL OR source = $source)
                  AND ($olderThan IS NULL OR first_failed_ms < $olderThan)
                  AND ($afterMs IS NULL OR first_failed_ms > $afterMs OR (first_failed_ms = $afterMs AND id > $afterId))
                ORDER BY first_failed_ms, id
                LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$includeResolved", includeResolved ? 1 : 0);
            command.Parameters.AddWithValue("$tenant", (object?)query.Tenant ?? DBNull.Value);
            command.Parameters.AddWithValue("$errorCode", (object?)query.ErrorCode ?? DBNull.Value);
            command.Parameters.AddWithValue("$source", (object?)query.Source ?? DBNull.Value);
            command.Parameters.AddWithValue("$olderThan", query.OlderThan is { } olderThan ? olderThan.ToUnixTimeMilliseconds() : DBNull.Value);
            command.Parameters.AddWithValue("$afterMs", after is { } position ? position.FirstFailedMs : DBNull.Value);
            command.Parameters.AddWithValue("$afterId", (object?)after?.Id ?? DBNull.Value);
            command.Parameters.AddWithValue("$limit", query.PageSize + 1);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    items.Add(ReadItem(reader));
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

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = outcome.IsSuccess
                ? "UPDATE proserv_dead_letter SET resolved_ms = coalesce(resolved_ms, $now) WHERE id = $id RETURNING attempts;"
                : """
                  UPDATE proserv_dead_letter
                  SET attempts = attempts + 1, last_failed_ms = $now, error_code = $errorCode, error_message = $errorMessage
                  WHERE id = $id RETURNING attempts;
                  """;
            command.Parameters.AddWithValue("$id", FormatId(item.Id));
            command.Parameters.AddWithValue("$now", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$errorCode", (object?)outcome.ErrorCode ?? DBNull.Value);
            command.Parameters.AddWithValue("$errorMessage", (object?)outcome.ErrorMessage ?? DBNull.Value);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long attempts)
            {
                throw new IntegrationException(DeadLetterErrorCodes.NotFound, $"Dead-letter item {item.Id} was purged during replay.");
            }

            return new DeadLetterReplayResult(
                item.Id,
                outcome.IsSuccess ? DeadLetterReplayStatus.Resolved : DeadLetterReplayStatus.Failed,
                (int)attempts);
        }
    }

    private async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _database.EnsureCreatedAsync(SqliteDeadLetterSchema.Feature, SqliteDeadLetterSchema.Ddl, cancellationToken).ConfigureAwait(false);
        return await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
    }
}
