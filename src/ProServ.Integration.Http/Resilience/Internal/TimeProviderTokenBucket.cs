using System.Threading.RateLimiting;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>A token bucket refilled in full once per period by a <see cref="TimeProvider"/> timer: at most the limit of leases start in any one period.</summary>
/// <remarks>
/// The replenishing limiters of System.Threading.RateLimiting measure elapsed time with the real stopwatch even when
/// refilled by hand, so a manual clock cannot drive them; this one reads time only through the injected
/// <see cref="TimeProvider"/>. Waiters are served oldest first; a cancelled waiter leaves the queue. Leases are not
/// returned (a token is spent when a request starts). Thread-safe.
/// </remarks>
internal sealed class TimeProviderTokenBucket : RateLimiter
{
    private static readonly RateLimitLease Acquired = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly int _limit;
    private readonly int _queueLimit;
    private readonly ITimer _timer;
    private int _tokens;
    private int _queuedPermits;
    private long _successful;
    private long _failed;
    private bool _disposed;

    public TimeProviderTokenBucket(int limit, TimeSpan period, int queueLimit, TimeProvider time)
    {
        _limit = limit;
        _queueLimit = queueLimit;
        _tokens = limit;
        _timer = time.CreateTimer(static state => ((TimeProviderTokenBucket)state!).Refill(), this, period, period);
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _tokens,
                CurrentQueuedCount = _queuedPermits,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    /// <summary>Fills the bucket and hands tokens to the oldest waiters.</summary>
    public void Refill()
    {
        List<Waiter>? granted = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _tokens = _limit;
            while (_queue.First is { } node && node.Value.Permits <= _tokens)
            {
                _queue.RemoveFirst();
                _tokens -= node.Value.Permits;
                _queuedPermits -= node.Value.Permits;
                _successful++;
                (granted ??= []).Add(node.Value);
            }
        }

        if (granted is not null)
        {
            foreach (var waiter in granted)
            {
                waiter.Registration.Dispose();
                waiter.Completion.TrySetResult(Acquired);
            }
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
        lock (_gate)
        {
            if (!_disposed && _queue.Count == 0 && _tokens >= permitCount)
            {
                _tokens -= permitCount;
                _successful++;
                return Acquired;
            }

            _failed++;
            return Refused;
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        LinkedListNode<Waiter> node;
        lock (_gate)
        {
            if (!_disposed && _queue.Count == 0 && _tokens >= permitCount)
            {
                _tokens -= permitCount;
                _successful++;
                return new ValueTask<RateLimitLease>(Acquired);
            }

            if (_disposed || _queuedPermits + permitCount > _queueLimit)
            {
                _failed++;
                return new ValueTask<RateLimitLease>(Refused);
            }

            waiter = new Waiter(permitCount);
            node = _queue.AddLast(waiter);
            _queuedPermits += permitCount;
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var (bucket, queued) = ((TimeProviderTokenBucket, LinkedListNode<Waiter>))state!;
                    lock (bucket._gate)
                    {
                        if (queued.List is null)
                        {
                            return;
                        }

                        bucket._queue.Remove(queued);
                        bucket._queuedPermits -= queued.Value.Permits;
                    }

                    queued.Value.Completion.TrySetCanceled(token);
                },
                (this, node));
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        List<Waiter> waiting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            waiting = [.. _queue];
            _queue.Clear();
            _queuedPermits = 0;
        }

        _timer.Dispose();
        foreach (var waiter in waiting)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(Refused);
        }
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
