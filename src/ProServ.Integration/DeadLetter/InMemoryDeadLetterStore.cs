using System.Globalization;
using ProServ.Integration.Errors;

namespace ProServ.Integration.DeadLetter;

/// <summary>
/// Keeps dead-letter items in process memory. Thread-safe: one lock guards the items; replay handlers run outside it.
/// Items are immutable snapshots replaced on every change.
/// </summary>
internal sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly DeadLetterRedactor _redactor;
    private readonly Dictionary<Guid, DeadLetterItem> _items = [];
    private readonly Dictionary<(string Tenant, string IdempotencyKey), Guid> _byKey = [];

    public InMemoryDeadLetterStore(DeadLetterOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _redactor = new DeadLetterRedactor(options);
        _timeProvider = timeProvider;
    }

    public ValueTask<DeadLetterItem> AddAsync(DeadLetterFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.Tenant, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.Source, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.IdempotencyKey, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.ErrorCode, nameof(failure));
        ArgumentNullException.ThrowIfNull(failure.ErrorMessage, nameof(failure));
        ArgumentException.ThrowIfNullOrWhiteSpace(failure.ContentType, nameof(failure));
        cancellationToken.ThrowIfCancellationRequested();
        var now = Now();
        lock (_gate)
        {
            DeadLetterItem item;
            if (_byKey.TryGetValue((failure.Tenant, failure.IdempotencyKey), out var id))
            {
                var existing = _items[id];
                item = Copy(existing, existing.Attempts + 1, now, failure.ErrorCode, failure.ErrorMessage, resolvedAt: null);
            }
            else
            {
                item = new DeadLetterItem
                {
                    Id = Guid.CreateVersion7(now),
                    Tenant = failure.Tenant,
                    Source = failure.Source,
                    IdempotencyKey = failure.IdempotencyKey,
                    CorrelationId = failure.CorrelationId,
                    ErrorCode = failure.ErrorCode,
                    ErrorMessage = failure.ErrorMessage,
                    Payload = failure.Payload.ToArray(),
                    ContentType = failure.ContentType,
                    Attempts = 1,
                    FirstFailedAt = now,
                    LastFailedAt = now,
                };
                _byKey[(item.Tenant, item.IdempotencyKey)] = item.Id;
            }

            _items[item.Id] = item;
            return ValueTask.FromResult(item);
        }
    }

    public ValueTask<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var after = ParseToken(query.PageToken);
        var matches = new List<DeadLetterItem>();
        lock (_gate)
        {
            foreach (var item in _items.Values)
            {
                if (Matches(item, query) && (after is null || Compare(item, after.Value) > 0))
                {
                    matches.Add(item);
                }
            }
        }

        matches.Sort(static (a, b) => Compare(a, (b.FirstFailedAt.ToUnixTimeMilliseconds(), b.Id)));
        var count = Math.Min(query.PageSize, matches.Count);
        var views = new List<DeadLetterView>(count);
        for (var i = 0; i < count; i++)
        {
            views.Add(_redactor.CreateView(matches[i]));
        }

        string? next = null;
        if (matches.Count > count)
        {
            var last = matches[count - 1];
            next = string.Create(CultureInfo.InvariantCulture, $"{last.FirstFailedAt.ToUnixTimeMilliseconds()}.{last.Id:N}");
        }

        return ValueTask.FromResult(new DeadLetterPage(views, next));
    }

    public async ValueTask<DeadLetterReplayResult> ReplayAsync(
        string tenant,
        Guid id,
        Func<DeadLetterItem, CancellationToken, ValueTask<ReplayOutcome>> handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(handler);
        cancellationToken.ThrowIfCancellationRequested();
        DeadLetterItem item;
        lock (_gate)
        {
            if (!_items.TryGetValue(id, out var found) || !string.Equals(found.Tenant, tenant, StringComparison.Ordinal))
            {
                throw new IntegrationException(DeadLetterErrorCodes.NotFound, $"Tenant '{tenant}' has no dead-letter item {id}.");
            }

            item = found;
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
        var page = new DeadLetterQuery
        {
            Tenant = filter.Tenant,
            ErrorCode = filter.ErrorCode,
            Source = filter.Source,
            OlderThan = filter.OlderThan,
            PageSize = filter.PageSize,
        };
        int resolved = 0, failed = 0;
        do
        {
            var views = await ListAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var view in views.Items)
            {
                DeadLetterItem? item;
                lock (_gate)
                {
                    item = _items.GetValueOrDefault(view.Id);
                }

                if (item is null)
                {
                    continue;
                }

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

            page.PageToken = views.NextPageToken;
        }
        while (page.PageToken is not null);

        return new DeadLetterReplaySummary(resolved, failed);
    }

    public ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var cutoff = olderThan.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            var due = new List<DeadLetterItem>();
            foreach (var item in _items.Values)
            {
                if (item.ResolvedAt is { } resolvedAt && resolvedAt.ToUnixTimeMilliseconds() < cutoff)
                {
                    due.Add(item);
                }
            }

            due.Sort(static (a, b) => a.ResolvedAt!.Value.CompareTo(b.ResolvedAt!.Value));
            var count = Math.Min(maxBatch, due.Count);
            for (var i = 0; i < count; i++)
            {
                _items.Remove(due[i].Id);
                _byKey.Remove((due[i].Tenant, due[i].IdempotencyKey));
            }

            return ValueTask.FromResult(count);
        }
    }

    private static bool Matches(DeadLetterItem item, DeadLetterQuery query) =>
        (query.IncludeResolved || item.ResolvedAt is null)
        && (query.Tenant is null || string.Equals(item.Tenant, query.Tenant, StringComparison.Ordinal))
        && (query.ErrorCode is null || string.Equals(item.ErrorCode, query.ErrorCode, StringComparison.Ordinal))
        && (query.Source is null || string.Equals(item.Source, query.Source, StringComparison.Ordinal))
        && (query.OlderThan is null || item.FirstFailedAt.ToUnixTimeMilliseconds() < query.OlderThan.Value.ToUnixTimeMilliseconds());

    private static int Compare(DeadLetterItem item, (long FirstFailedMs, Guid Id) position)
    {
        var byTime = item.FirstFailedAt.ToUnixTimeMilliseconds().CompareTo(position.FirstFailedMs);
        return byTime != 0
            ? byTime
            : string.CompareOrdinal(item.Id.ToString("N", CultureInfo.InvariantCulture), position.Id.ToString("N", CultureInfo.InvariantCulture));
    }

    private static (long FirstFailedMs, Guid Id)? ParseToken(string? token)
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
            return (ms, id);
        }

        throw new ArgumentException($"Page token '{token}' was not issued by this store.", nameof(token));
    }

    private static DeadLetterItem Copy(DeadLetterItem item, int attempts, DateTimeOffset lastFailedAt, string errorCode, string errorMessage, DateTimeOffset? resolvedAt) =>
        new()
        {
            Id = item.Id,
            Tenant = item.Tenant,
            Source = item.Source,
            IdempotencyKey = item.IdempotencyKey,
            CorrelationId = item.CorrelationId,
            ErrorCode = errorCode,
            ErrorMessage = errorMessage,
            Payload = item.Payload,
            ContentType = item.ContentType,
            Attempts = attempts,
            FirstFailedAt = item.FirstFailedAt,
            LastFailedAt = lastFailedAt,
            ResolvedAt = resolvedAt,
        };

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

        var now = Now();
        lock (_gate)
        {
            if (!_items.TryGetValue(item.Id, out var current))
            {
                throw new IntegrationException(DeadLetterErrorCodes.NotFound, $"Dead-letter item {item.Id} was purged during replay.");
            }

            if (outcome.IsSuccess)
            {
                if (current.ResolvedAt is null)
                {
                    current = Copy(current, current.Attempts, current.LastFailedAt, current.ErrorCode, current.ErrorMessage, now);
                    _items[item.Id] = current;
                }

                return new DeadLetterReplayResult(item.Id, DeadLetterReplayStatus.Resolved, current.Attempts);
            }

            current = Copy(current, current.Attempts + 1, now, outcome.ErrorCode!, outcome.ErrorMessage!, current.ResolvedAt);
            _items[item.Id] = current;
            return new DeadLetterReplayResult(item.Id, DeadLetterReplayStatus.Failed, current.Attempts);
        }
    }

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
}
