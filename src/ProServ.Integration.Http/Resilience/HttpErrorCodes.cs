namespace ProServ.Integration.Http.Resilience;

/// <summary>Lists the stable error codes of <see cref="HttpCallException"/> (<see cref="Errors.IntegrationException.ErrorCode"/>).</summary>
/// <remarks>Codes are constants; they never change between releases. Retry and dead-letter decisions read them, never message text.</remarks>
public static class HttpErrorCodes
{
    /// <summary>The target answered with a permanent failure (400, 401, 403, 404, 422 and other 4xx by default). Not transient: dead-letter it.</summary>
    public const string Permanent = "http.permanent";

    /// <summary>The call still failed transiently (408, 429, 5xx, a timeout or a dropped connection) when the retries or the time budget ran out. Transient.</summary>
    public const string Transient = "http.transient";

    /// <summary>A POST or PATCH without an idempotency key failed transiently; it was not retried, because a resend could apply it twice. Not transient.</summary>
    public const string UnsafeNotRetried = "http.unsafe-not-retried";

    /// <summary>A write may or may not have landed (the connection dropped or an attempt timed out after it was sent) and it cannot be resent safely. Not transient: a person or a lookup must decide.</summary>
    public const string OutcomeUnknown = "http.outcome-unknown";

    /// <summary>The target asked for a <c>Retry-After</c> wait longer than the remaining time budget; the handler failed fast instead of sleeping. Transient.</summary>
    public const string RetryAfterExceedsBudget = "http.retry-after-exceeds-budget";

    /// <summary>The total time budget of the call ran out. Transient.</summary>
    public const string Timeout = "http.timeout";

    /// <summary>The target's circuit breaker is open after too many failures; nothing was sent. Transient.</summary>
    public const string CircuitOpen = "http.circuit-open";

    /// <summary>The target's concurrency limit or token-bucket queue is full; nothing was sent. Transient.</summary>
    public const string RateLimited = "http.rate-limited";
}
