namespace ProServ.Integration.Outbox;

/// <summary>Keeps outbox messages in process memory. Thread-safe: one lock makes every operation atomic.</summary>
internal sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly SortedDictionary<long, OutboxEntry> _bySequence = [];
    private readonly Dictionary<(string Tenant, string Id), long> _byId = [];
    private long _nextSequence;

    public InMemoryOutboxStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateMessage(message);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_byId.ContainsKey((message.Tenant, message.Id)))
            {
                return ValueTask.FromResult(false);
            }

            var now = Now();
            var sequence = ++_nextSequence;
            _bySequence[sequence] = new OutboxEntry
            {
                Sequence = sequence,
                Id = message.Id,
                Tenant = message.Tenant,
                Stream = message.Stream,
                Type = message.Type,
                Payload = message.Payload.ToArray(),
                ContentType = message.ContentType,
                CorrelationId = message.CorrelationId,
                State = OutboxState.Pending,
                Attempts = 0,
                EnqueuedAt = now,
                AvailableAt = now,
                LeaseExpiresAt = DateTimeOffset.UnixEpoch,
            };
            _byId[(message.Tenant, message.Id)] = sequence;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<IReadOnlyList<OutboxEntry>> ClaimAsync(int maxBatch, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateClaim(maxBatch, leaseDuration);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = Now();
            var token = Guid.CreateVersion7(now);
            var expires = now + TimeSpan.FromMilliseconds((long)leaseDuration.TotalMilliseconds);
            var blocked = new HashSet<(string Tenant, string Stream)>();
            var claimed = new List<OutboxEntry>();
            foreach (var entry in _bySequence.Values)
            {
                if (claimed.Count == maxBatch)
                {
                    break;
                }

                if (entry.State != OutboxState.Pending)
                {
                    continue;
                }

                var stream = (entry.Tenant, entry.Stream);
                if (blocked.Contains(stream))
                {
                    continue;
                }

                if (entry.AvailableAt > now || entry.LeaseExpiresAt > now)
                {
                    // An earlier message of this stream is waiting or held by another claim: the rest of the stream waits too.
                    blocked.Add(stream);
                    continue;
                }

                claimed.Add(new OutboxEntry
                {
                    Sequence = entry.Sequence,
                    Id = entry.Id,
                    Tenant = entry.Tenant,
                    Stream = entry.Stream,
                    Type = entry.Type,
                    Payload = entry.Payload,
                    ContentType = entry.ContentType,
                    CorrelationId = entry.CorrelationId,
                    State = OutboxState.Pending,
                    Attempts = entry.Attempts + 1,
                    EnqueuedAt = entry.EnqueuedAt,
                    AvailableAt = entry.AvailableAt,
                    LeaseToken = token,
                    LeaseExpiresAt = expires,
                    LastErrorCode = entry.LastErrorCode,
                    LastErrorMessage = entry.LastErrorMessage,
                });
            }

            foreach (var entry in claimed)
            {
                _bySequence[entry.Sequence] = entry;
            }

            return ValueTask.FromResult<IReadOnlyList<OutboxEntry>>(claimed);
        }
    }

    public ValueTask<bool> MarkPublishedAsync(OutboxEntry entry, CancellationToken cancellationToken = default) =>
        Finish(entry, (held, now) => Copy(held, OutboxState.Published, held.Attempts, held.AvailableAt, now, held.LastErrorCode, held.LastErrorMessage), cancellationToken);

    public async ValueTask<int> MarkPublishedManyAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var marked = 0;
        foreach (var entry in entries)
        {
            if (await MarkPublishedAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                marked++;
            }
        }

        return marked;
    }

    public ValueTask<bool> RescheduleAsync(OutboxEntry entry, DateTimeOffset availableAt, string errorCode, string errorMessage, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateError(errorCode, errorMessage);
        var at = DateTimeOffset.FromUnixTimeMilliseconds(availableAt.ToUnixTimeMilliseconds());
        return Finish(entry, (held, _) => Copy(held, OutboxState.Pending, held.Attempts, at, null, errorCode, errorMessage), cancellationToken);
    }

    public ValueTask<bool> ReleaseAsync(OutboxEntry entry, CancellationToken cancellationToken = default) =>
        Finish(entry, (held, _) => Copy(held, OutboxState.Pending, held.Attempts - 1, held.AvailableAt, null, held.LastErrorCode, held.LastErrorMessage), cancellationToken);

    public ValueTask<bool> MarkDeadLetteredAsync(OutboxEntry entry, string errorCode, string errorMessage, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateError(errorCode, errorMessage);
        return Finish(entry, (held, now) => Copy(held, OutboxState.DeadLettered, held.Attempts, held.AvailableAt, now, errorCode, errorMessage), cancellationToken);
    }

    public ValueTask<OutboxEntry?> GetAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        OutboxArguments.ValidateKey(tenant, id);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.TryGetValue((tenant, id), out var sequence) ? _bySequence[sequence] : null);
        }
    }

    public ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var due = _bySequence.Values
                .Where(e => e.State != OutboxState.Pending && e.CompletedAt < olderThan)
                .OrderBy(e => e.CompletedAt)
                .ThenBy(e => e.Sequence)
                .Take(maxBatch)
                .ToList();
            foreach (var entry in due)
            {
                _bySequence.Remove(entry.Sequence);
                _byId.Remove((entry.Tenant, entry.Id));
            }

            return ValueTask.FromResult(due.Count);
        }
    }

    private static OutboxEntry Copy(OutboxEntry held, OutboxState state, int attempts, DateTimeOffset availableAt, DateTimeOffset? completedAt, string? errorCode, string? errorMessage) => new()
    {
        Sequence = held.Sequence,
        Id = held.Id,
        Tenant = held.Tenant,
        Stream = held.Stream,
        Type = held.Type,
        Payload = held.Payload,
        ContentType = held.ContentType,
        CorrelationId = held.CorrelationId,
        State = state,
        Attempts = attempts,
        EnqueuedAt = held.EnqueuedAt,
        AvailableAt = availableAt,
        LeaseToken = Guid.Empty,
        LeaseExpiresAt = DateTimeOffset.UnixEpoch,
        CompletedAt = completedAt,
        LastErrorCode = errorCode,
        LastErrorMessage = errorMessage,
    };

    private ValueTask<bool> Finish(OutboxEntry entry, Func<OutboxEntry, DateTimeOffset, OutboxEntry> next, CancellationToken cancellationToken)
    {
        OutboxArguments.ValidateEntry(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_bySequence.TryGetValue(entry.Sequence, out var held)
                || held.State != OutboxState.Pending
                || held.LeaseToken != entry.LeaseToken
                || !string.Equals(held.Tenant, entry.Tenant, StringComparison.Ordinal))
            {
                return ValueTask.FromResult(false);
            }

            _bySequence[entry.Sequence] = next(held, Now());
            return ValueTask.FromResult(true);
        }
    }

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
}
