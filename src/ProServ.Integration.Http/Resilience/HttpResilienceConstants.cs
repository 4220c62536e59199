namespace ProServ.Integration.Http.Resilience;

/// <summary>Holds every default of the HTTP resilience handler, with the reason for each value.</summary>
/// <remarks>
/// The pipeline defaults are those of the standard .NET HTTP resilience pipeline
/// (<c>AddStandardResilienceHandler</c> in Microsoft.Extensions.Http.Resilience), so that a team that knows that
/// package finds the same behaviour here. docs/resilience.md lists them in a table.
/// </remarks>
internal static class HttpResilienceConstants
{
    /// <summary>The most requests in flight per target (standard pipeline: a concurrency limiter of 1000 permits).</summary>
    public const int ConcurrencyLimit = 1000;

    /// <summary>Requests that wait for a concurrency permit (standard pipeline: 0, reject at once rather than queue unboundedly).</summary>
    public const int ConcurrencyQueueLimit = 0;

    /// <summary>Requests that wait for a token of the per-target token bucket: a bulk sync queues rather than fails.</summary>
    public const int RateLimitQueueLimit = 10_000;

    /// <summary>Retries after the first attempt (standard pipeline: 3).</summary>
    public const int MaxRetryAttempts = 3;

    /// <summary>Failure ratio in the sampling window that opens the circuit (standard pipeline: 10 %).</summary>
    public const double CircuitBreakerFailureRatio = 0.1;

    /// <summary>Attempts in the sampling window before the breaker may open (standard pipeline: 100).</summary>
    public const int CircuitBreakerMinimumThroughput = 100;

    /// <summary>The request header that carries the idempotency key (IETF draft-ietf-httpapi-idempotency-key-header).</summary>
    public const string IdempotencyHeaderName = "Idempotency-Key";

    /// <summary>The request header that carries the SDK's correlation id.</summary>
    public const string CorrelationIdHeaderName = "X-Correlation-Id";

    /// <summary>The W3C Trace Context header.</summary>
    public const string TraceParentHeaderName = "traceparent";

    /// <summary>The W3C Trace Context vendor-state header.</summary>
    public const string TraceStateHeaderName = "tracestate";

    /// <summary>Characters of a permanent failure's response body kept on <see cref="HttpCallException"/> for the dead-letter item.</summary>
    public const int ResponseBodyExcerptLength = 2048;

    /// <summary>The whole budget of one logical call, every attempt, back-off and Retry-After wait included (standard pipeline: 30 s).</summary>
    public static readonly TimeSpan TotalRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The budget of one attempt (standard pipeline: 10 s), so that three attempts fit in the total budget.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The median delay before the first retry; later retries double it, with decorrelated jitter (standard pipeline: 2 s, exponential, jitter).</summary>
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(2);

    /// <summary>The window over which the breaker measures the failure ratio (standard pipeline: 30 s, at least twice the attempt timeout).</summary>
    public static readonly TimeSpan CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one trial call (standard pipeline: 5 s).</summary>
    public static readonly TimeSpan CircuitBreakerBreakDuration = TimeSpan.FromSeconds(5);

    /// <summary>The replenishment period of the per-target token bucket: vendors publish limits per second.</summary>
    public static readonly TimeSpan RateLimitPeriod = TimeSpan.FromSeconds(1);
}
