namespace ProServ.Integration.Http.Resilience;

/// <summary>Configures the resilience handler of one target system (one named HTTP client).</summary>
/// <remarks>
/// Read once, when the target's pipeline is first built; validated then (and on start when the host validates options),
/// with one <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> listing every problem.
/// The pipeline runs, outermost first: concurrency limit, total timeout, retry, token bucket, circuit breaker, attempt timeout.
/// </remarks>
public sealed class HttpResilienceOptions
{
    /// <summary>Gets or sets the budget of one logical call: every attempt, back-off and Retry-After wait included.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan TotalRequestTimeout { get; set; } = HttpResilienceConstants.TotalRequestTimeout;

    /// <summary>Gets or sets the budget of one attempt; an attempt that times out may have reached the target (an unknown outcome).</summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = HttpResilienceConstants.AttemptTimeout;

    /// <summary>Gets or sets the most retries after the first attempt; 0 turns retries off.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetryAttempts { get; set; } = HttpResilienceConstants.MaxRetryAttempts;

    /// <summary>Gets or sets the median delay before the first retry; later retries back off exponentially, with jitter. A Retry-After sent by the target takes its place.</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan RetryBaseDelay { get; set; } = HttpResilienceConstants.RetryBaseDelay;

    /// <summary>Gets or sets a value indicating whether retry delays are randomised (decorrelated jitter) so that many clients do not retry in step.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseJitter { get; set; } = true;

    /// <summary>Gets or sets the failure ratio, in (0, 1], over the sampling window that opens the circuit.</summary>
    /// <value>The default value is 0.1.</value>
    public double CircuitBreakerFailureRatio { get; set; } = HttpResilienceConstants.CircuitBreakerFailureRatio;

    /// <summary>Gets or sets the window over which the failure ratio is measured; at least 0.5 s and twice <see cref="AttemptTimeout"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = HttpResilienceConstants.CircuitBreakerSamplingDuration;

    /// <summary>Gets or sets the attempts in the sampling window before the circuit may open; at least 2.</summary>
    /// <value>The default value is 100.</value>
    public int CircuitBreakerMinimumThroughput { get; set; } = HttpResilienceConstants.CircuitBreakerMinimumThroughput;

    /// <summary>Gets or sets how long the circuit stays open before one trial call; at least 0.5 s.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = HttpResilienceConstants.CircuitBreakerBreakDuration;

    /// <summary>Gets or sets the most calls in flight to the target at once.</summary>
    /// <value>The default value is 1000.</value>
    public int ConcurrencyLimit { get; set; } = HttpResilienceConstants.ConcurrencyLimit;

    /// <summary>Gets or sets how many calls may wait for a concurrency permit; beyond it a call fails with <see cref="HttpErrorCodes.RateLimited"/>.</summary>
    /// <value>The default value is 0.</value>
    public int ConcurrencyQueueLimit { get; set; } = HttpResilienceConstants.ConcurrencyQueueLimit;

    /// <summary>Gets or sets the vendor's published request limit per <see cref="RateLimitPeriod"/>, enforced per attempt by a token bucket; <see langword="null"/> for no limit.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? RateLimitPermits { get; set; }

    /// <summary>Gets or sets the period of <see cref="RateLimitPermits"/>; the bucket is refilled once per period.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan RateLimitPeriod { get; set; } = HttpResilienceConstants.RateLimitPeriod;

    /// <summary>Gets or sets how many attempts may wait for a token; beyond it an attempt fails with <see cref="HttpErrorCodes.RateLimited"/>. The wait counts against the total budget.</summary>
    /// <value>The default value is 10000.</value>
    public int RateLimitQueueLimit { get; set; } = HttpResilienceConstants.RateLimitQueueLimit;

    /// <summary>Gets or sets the header that carries the idempotency key.</summary>
    /// <value>The default value is <c>Idempotency-Key</c>.</value>
    public string IdempotencyHeaderName { get; set; } = HttpResilienceConstants.IdempotencyHeaderName;

    /// <summary>Gets or sets how the idempotency key is written into its header.</summary>
    /// <value>The default value is <see cref="IdempotencyHeaderFormat.StructuredString"/>, as the IETF draft specifies.</value>
    public IdempotencyHeaderFormat IdempotencyHeaderFormat { get; set; } = IdempotencyHeaderFormat.StructuredString;

    /// <summary>Gets or sets the header that carries the correlation id; <see langword="null"/> or empty to send none.</summary>
    /// <value>The default value is <c>X-Correlation-Id</c>.</value>
    public string? CorrelationIdHeaderName { get; set; } = HttpResilienceConstants.CorrelationIdHeaderName;

    /// <summary>Gets or sets a value indicating whether the W3C <c>traceparent</c> and <c>tracestate</c> headers are set from <see cref="System.Diagnostics.Activity.Current"/>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool PropagateTraceContext { get; set; } = true;

    /// <summary>Gets or sets the classifier of the target's responses.</summary>
    /// <value>The default value is <see cref="DefaultHttpResponseClassifier.Instance"/>.</value>
    public IHttpResponseClassifier Classifier { get; set; } = DefaultHttpResponseClassifier.Instance;

    /// <summary>Gets or sets the lookup that tells whether a keyed write with an unknown outcome landed; <see langword="null"/> when the target cannot look writes up (a keyed write is then resent, and the target de-duplicates it by key).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IWriteLookup? WriteLookup { get; set; }

    /// <summary>Gets or sets a callback told about every retry before its wait, for logging and metrics; it must not throw.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<HttpRetryInfo>? OnRetry { get; set; }
}
