using System.Net;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Testing.Fakes;

/// <summary>Decides, request by request, which fault a fake system injects, and counts what it injected.</summary>
/// <remarks>
/// Thread-safe. Armed faults (<see cref="Arm"/>) are served first, in order, to the next matching requests; random
/// faults follow <see cref="FaultOptions"/>; the rate limit applies while <see cref="Enabled"/> is <see langword="true"/>.
/// </remarks>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<(ScriptedResponse Step, string? Method)> _armed = [];
    private readonly long[] _counts = new long[Enum.GetValues<InjectedFaultKind>().Length];
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private readonly double _capacity;
    private double _tokens;
    private long _lastRefill;
    private long _admitted;
    private DateTimeOffset? _firstAdmitted;
    private DateTimeOffset? _lastAdmitted;
    private bool _enabled = true;

    internal FaultInjector(FaultOptions options, TimeProvider timeProvider)
    {
        Validate(options);
        Options = options;
        _timeProvider = timeProvider;
        _random = new Random(options.Seed);
        _capacity = options.RequestsPerSecond is { } rps ? Math.Max(1, options.Burst ?? (int)Math.Ceiling(rps)) : 0;
        _tokens = _capacity;
        _lastRefill = timeProvider.GetTimestamp();
    }

    /// <summary>Gets the options the injector was created with.</summary>
    public FaultOptions Options { get; }

    /// <summary>Gets or sets a value indicating whether random faults and the rate limit apply; armed faults apply regardless. The default value is <see langword="true"/>.</summary>
    public bool Enabled
    {
        get
        {
            lock (_gate)
            {
                return _enabled;
            }
        }

        set
        {
            lock (_gate)
            {
                _enabled = value;
            }
        }
    }

    /// <summary>Gets the number of requests that passed the rate limit (served or given another fault).</summary>
    public long AdmittedRequests => Interlocked.Read(ref _admitted);

    /// <summary>Gets the share of the rate limit the admitted requests used between the first and the last admitted request: admitted requests ÷ (limit × elapsed seconds + burst). <see langword="null"/> when there is no limit or fewer than two requests.</summary>
    public double? RateLimitUtilization
    {
        get
        {
            lock (_gate)
            {
                if (Options.RequestsPerSecond is not { } rps || _firstAdmitted is not { } first || _lastAdmitted is not { } last || _admitted < 2)
                {
                    return null;
                }

                var allowed = (rps * (last - first).TotalSeconds) + _capacity;
                return _admitted / allowed;
            }
        }
    }

    /// <summary>Gets how many faults of a kind were injected.</summary>
    /// <param name="kind">The kind of fault.</param>
    /// <returns>The count since the fake started.</returns>
    public long CountOf(InjectedFaultKind kind) => Interlocked.Read(ref _counts[(int)kind]);

    /// <summary>Arms a fault for the next request, or the next request with a given method.</summary>
    /// <param name="step">What to do with the request: a status (with optional <c>Retry-After</c>), a delay, a hang, or a dropped connection before or after commit.</param>
    /// <param name="method">The HTTP method the request must have (for example <c>POST</c>), or <see langword="null"/> for any request.</param>
    public void Arm(ScriptedResponse step, string? method = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            _armed.Add((step, method));
        }
    }

    /// <summary>Arms a status code for the next <paramref name="times"/> requests with any method.</summary>
    /// <param name="status">The status code to answer with.</param>
    /// <param name="times">How many requests get it; at least 1.</param>
    /// <param name="retryAfter">The <c>Retry-After</c> to send, or <see langword="null"/>.</param>
    public void ArmStatus(HttpStatusCode status, int times = 1, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        for (var i = 0; i < times; i++)
        {
            Arm(ScriptedResponse.Status(status, retryAfter));
        }
    }

    /// <summary>Removes every armed fault that has not been served yet.</summary>
    public void ClearArmed()
    {
        lock (_gate)
        {
            _armed.Clear();
        }
    }

    internal static void Validate(FaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        CheckRate(options.TransientFailureRate, nameof(FaultOptions.TransientFailureRate), problems);
        CheckRate(options.ThrottleRate, nameof(FaultOptions.ThrottleRate), problems);
        CheckRate(options.DropAfterCommitRate, nameof(FaultOptions.DropAfterCommitRate), problems);
        CheckRate(options.SlowResponseRate, nameof(FaultOptions.SlowResponseRate), problems);
        if (options.RequestsPerSecond is { } rps && (double.IsNaN(rps) || rps <= 0))
        {
            problems.Add($"{nameof(FaultOptions.RequestsPerSecond)} must be positive; it was {rps}.");
        }

        if (options.Burst is < 1)
        {
            problems.Add($"{nameof(FaultOptions.Burst)} must be at least 1; it was {options.Burst}.");
        }

        if (options.ThrottleRetryAfter < TimeSpan.Zero || options.SlowResponseDelay < TimeSpan.Zero)
        {
            problems.Add("ThrottleRetryAfter and SlowResponseDelay must not be negative.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid fault options: " + string.Join(" ", problems), nameof(options));
        }
    }

    internal FaultDecision Decide(string method)
    {
        var isWrite = !(string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase));
        lock (_gate)
        {
            for (var i = 0; i < _armed.Count; i++)
            {
                if (_armed[i].Method is null || string.Equals(_armed[i].Method, method, StringComparison.OrdinalIgnoreCase))
                {
                    var step = _armed[i].Step;
                    _armed.RemoveAt(i);
                    Count(InjectedFaultKind.Armed);
                    return FaultDecision.FromScript(step);
                }
            }

            if (!_enabled)
            {
                Admit();
                return FaultDecision.None;
            }

            if (Options.RequestsPerSecond is { } rps && !TryTakeToken(rps, out var wait))
            {
                Count(InjectedFaultKind.RateLimited);
                return FaultDecision.Status(HttpStatusCode.TooManyRequests, wait);
            }

            Admit();
            var roll = _random.NextDouble();
            if (roll < Options.ThrottleRate)
            {
                Count(InjectedFaultKind.Throttled);
                return FaultDecision.Status(HttpStatusCode.TooManyRequests, Options.ThrottleRetryAfter);
            }

            roll -= Options.ThrottleRate;
            if (roll < Options.TransientFailureRate)
            {
                Count(InjectedFaultKind.ServerError);
                return FaultDecision.Status(_random.Next(2) == 0 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.InternalServerError, null);
            }

            if (_random.NextDouble() < Options.SlowResponseRate)
            {
                Count(InjectedFaultKind.SlowResponse);
                return new FaultDecision(FaultDecisionKind.Delay, 0, null, Options.SlowResponseDelay);
            }

            if (isWrite && _random.NextDouble() < Options.DropAfterCommitRate)
            {
                Count(InjectedFaultKind.DropAfterCommit);
                return new FaultDecision(FaultDecisionKind.DropAfterCommit, 0, null, TimeSpan.Zero);
            }

            return FaultDecision.None;
        }
    }

    private static void CheckRate(double value, string name, List<string> problems)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            problems.Add($"{name} must be between 0 and 1; it was {value}.");
        }
    }

    private void Count(InjectedFaultKind kind) => Interlocked.Increment(ref _counts[(int)kind]);

    private void Admit()
    {
        _admitted++;
        var now = _timeProvider.GetUtcNow();
        _firstAdmitted ??= now;
        _lastAdmitted = now;
    }

    private bool TryTakeToken(double rps, out TimeSpan wait)
    {
        var now = _timeProvider.GetTimestamp();
        var elapsed = _timeProvider.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(_capacity, _tokens + (elapsed * rps));
        if (_tokens >= 1)
        {
            _tokens -= 1;
            wait = TimeSpan.Zero;
            return true;
        }

        wait = TimeSpan.FromSeconds((1 - _tokens) / rps);
        return false;
    }
}
