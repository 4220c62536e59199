using ProServ.Integration.Internal;

namespace ProServ.Integration.Idempotency;

/// <summary>Keeps idempotency keys in process memory, for tests, prototypes and single-process tools.</summary>
/// <remarks>
/// Thread-safe: every call takes one lock, so each call is atomic. Keys do not survive the process; use a durable store
/// (SQLite, PostgreSQL) wherever a lost key could let an operation run twice. Times come from the injected clock.
/// </remarks>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string TenantId, string Key), Entry> _entries = [];
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="InMemoryIdempotencyStore"/> class.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public InMemoryIdempotencyStore(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public ValueTask<IdempotencyBeginResult> TryBeginAsync(string tenantId, IdempotencyKey key, RequestFingerprint fingerprint, TimeSpan leaseDuration, TimeSpan retention, CancellationToken cancellationToken)
    {
        IdempotencyArguments.Begin(tenantId, key, fingerprint, leaseDuration, retention);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(Begin(new IdempotencyBeginRequest(tenantId, key, fingerprint), leaseDuration, retention, _timeProvider.GetUtcNow()));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<IdempotencyBeginResult>> TryBeginManyAsync(IReadOnlyList<IdempotencyBeginRequest> requests, TimeSpan leaseDuration, TimeSpan retention, CancellationToken cancellationToken)
    {
        Guard.NotNull(requests);
        IdempotencyArguments.Durations(leaseDuration, retention);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            Guard.TenantId(request.TenantId);
            IdempotencyArguments.Key(request.Key);
            IdempotencyArguments.Fingerprint(request.Fingerprint);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var results = new IdempotencyBeginResult[requests.Count];
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            for (var i = 0; i < requests.Count; i++)
            {
                results[i] = Begin(requests[i], leaseDuration, retention, now);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<IdempotencyBeginResult>>(results);
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(IdempotencyLease lease, IdempotencyOutcome outcome, CancellationToken cancellationToken)
    {
        IdempotencyArguments.Lease(lease);
        Guard.NotNull(outcome);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var entry = Held(lease);
            var now = _timeProvider.GetUtcNow();
            entry.State = IdempotencyState.Completed;
            entry.Outcome = outcome;
            entry.Token = Guid.Empty;
            entry.UpdatedAt = now;
            entry.ExpiresAt = now + entry.Retention;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask FailAsync(IdempotencyLease lease, bool permanent, IdempotencyFailure failure, CancellationToken cancellationToken)
    {
        IdempotencyArguments.Lease(lease);
        Guard.NotNull(failure);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var entry = Held(lease);
            var now = _timeProvider.GetUtcNow();
            entry.Token = Guid.Empty;
            entry.UpdatedAt = now;
            entry.ExpiresAt = now + entry.Retention;
            if (permanent)
            {
                entry.State = IdempotencyState.Failed;
                entry.Failure = failure;
            }
            else
            {
                entry.LeaseExpiresAt = now;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<IdempotencyLease> RenewLeaseAsync(IdempotencyLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        IdempotencyArguments.Lease(lease);
        Guard.Positive(leaseDuration);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var entry = Held(lease);
            var now = _timeProvider.GetUtcNow();
            entry.LeaseExpiresAt = now + leaseDuration;
            entry.UpdatedAt = now;
            return ValueTask.FromResult(lease with { ExpiresAt = entry.LeaseExpiresAt });
        }
    }

    /// <inheritdoc/>
    public ValueTask<IdempotencyRecord?> GetAsync(string tenantId, IdempotencyKey key, CancellationToken cancellationToken)
    {
        Guard.TenantId(tenantId);
        IdempotencyArguments.Key(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_entries.TryGetValue((tenantId, key.Value), out var entry) ? entry.ToRecord(tenantId, key) : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> PurgeExpiredAsync(int maxBatch, CancellationToken cancellationToken)
    {
        Guard.Positive(maxBatch);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            var expired = new List<(string, string)>();
            foreach (var (id, entry) in _entries)
            {
                if (expired.Count == maxBatch)
                {
                    break;
                }

                if (entry.ExpiresAt <= now && (entry.State != IdempotencyState.InProgress || entry.LeaseExpiresAt <= now))
                {
                    expired.Add(id);
                }
            }

            foreach (var id in expired)
            {
                _entries.Remove(id);
            }

            return ValueTask.FromResult(expired.Count);
        }
    }

    private IdempotencyBeginResult Begin(IdempotencyBeginRequest request, TimeSpan leaseDuration, TimeSpan retention, DateTimeOffset now)
    {
        var id = (request.TenantId, request.Key.Value);
        if (!_entries.TryGetValue(id, out var entry))
        {
            entry = new Entry(request.Fingerprint, retention, now);
            _entries.Add(id, entry);
            return Acquire(request, entry, leaseDuration, now);
        }

        if (entry.Fingerprint != request.Fingerprint)
        {
            return IdempotencyBeginResult.Conflict();
        }

        return entry.State switch
        {
            IdempotencyState.Completed => IdempotencyBeginResult.Completed(entry.Outcome!),
            IdempotencyState.Failed => IdempotencyBeginResult.Failed(entry.Failure!),
            _ when entry.LeaseExpiresAt <= now => Acquire(request, entry, leaseDuration, now),
            _ => IdempotencyBeginResult.InProgress(entry.LeaseExpiresAt),
        };
    }

    private static IdempotencyBeginResult Acquire(IdempotencyBeginRequest request, Entry entry, TimeSpan leaseDuration, DateTimeOffset now)
    {
        entry.Token = Guid.CreateVersion7(now);
        entry.Attempt++;
        entry.LeaseExpiresAt = now + leaseDuration;
        entry.UpdatedAt = now;
        entry.ExpiresAt = Later(entry.ExpiresAt, now + entry.Retention);
        return IdempotencyBeginResult.Acquired(new IdempotencyLease(request.TenantId, request.Key, entry.Token, entry.LeaseExpiresAt, entry.Attempt));
    }

    private Entry Held(IdempotencyLease lease)
    {
        if (_entries.TryGetValue((lease.TenantId, lease.Key.Value), out var entry)
            && entry.State == IdempotencyState.InProgress
            && entry.Token == lease.Token)
        {
            return entry;
        }

        throw new IdempotencyLeaseLostException(lease);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Entry(RequestFingerprint fingerprint, TimeSpan retention, DateTimeOffset now)
    {
        public RequestFingerprint Fingerprint { get; } = fingerprint;

        public TimeSpan Retention { get; } = retention;

        public DateTimeOffset CreatedAt { get; } = now;

        public IdempotencyState State { get; set; }

        public Guid Token { get; set; }

        public int Attempt { get; set; }

        public DateTimeOffset LeaseExpiresAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; } = now;

        public DateTimeOffset ExpiresAt { get; set; } = now + retention;

        public IdempotencyOutcome? Outcome { get; set; }

        public IdempotencyFailure? Failure { get; set; }

        public IdempotencyRecord ToRecord(string tenantId, IdempotencyKey key) => new()
        {
            TenantId = tenantId,
            Key = key,
            Fingerprint = Fingerprint,
            State = State,
            Attempt = Attempt,
            LeaseExpiresAt = LeaseExpiresAt,
            Outcome = Outcome,
            Failure = Failure,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            ExpiresAt = ExpiresAt,
        };
    }
}
