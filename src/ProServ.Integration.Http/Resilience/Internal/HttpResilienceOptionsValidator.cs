using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>Validates <see cref="HttpResilienceOptions"/> field by field and across fields, naming each field and its bad value.</summary>
/// <remarks>The ranges are Polly's own, so that a bad value fails here, listed with every other problem, rather than deep inside the pipeline builder.</remarks>
internal sealed class HttpResilienceOptionsValidator : IValidateOptions<HttpResilienceOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);
    private static readonly TimeSpan MinBreakerWindow = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, HttpResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Collect(options);
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => $"HTTP resilience options '{name}': {f}"));
    }

    internal static List<string> Collect(HttpResilienceOptions o)
    {
        var failures = new List<string>();
        Range(failures, nameof(o.TotalRequestTimeout), o.TotalRequestTimeout, MinTimeout, MaxTimeout);
        Range(failures, nameof(o.AttemptTimeout), o.AttemptTimeout, MinTimeout, MaxTimeout);
        if (o.AttemptTimeout > o.TotalRequestTimeout)
        {
            failures.Add(Invariant($"AttemptTimeout ({o.AttemptTimeout}) must not exceed TotalRequestTimeout ({o.TotalRequestTimeout})."));
        }

        if (o.MaxRetryAttempts is < 0 or > 100)
        {
            failures.Add(Invariant($"MaxRetryAttempts must be between 0 and 100; got {o.MaxRetryAttempts}."));
        }

        Range(failures, nameof(o.RetryBaseDelay), o.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromDays(1));
        if (!(o.CircuitBreakerFailureRatio > 0 && o.CircuitBreakerFailureRatio <= 1))
        {
            failures.Add(Invariant($"CircuitBreakerFailureRatio must be greater than 0 and at most 1; got {o.CircuitBreakerFailureRatio}."));
        }

        Range(failures, nameof(o.CircuitBreakerSamplingDuration), o.CircuitBreakerSamplingDuration, MinBreakerWindow, MaxTimeout);
        if (o.CircuitBreakerSamplingDuration < 2 * o.AttemptTimeout)
        {
            failures.Add(Invariant(
                $"CircuitBreakerSamplingDuration ({o.CircuitBreakerSamplingDuration}) must be at least twice AttemptTimeout ({o.AttemptTimeout}), so that timed-out attempts are sampled."));
        }

        if (o.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add(Invariant($"CircuitBreakerMinimumThroughput must be at least 2; got {o.CircuitBreakerMinimumThroughput}."));
        }

        Range(failures, nameof(o.CircuitBreakerBreakDuration), o.CircuitBreakerBreakDuration, MinBreakerWindow, MaxTimeout);
        if (o.ConcurrencyLimit < 1)
        {
            failures.Add(Invariant($"ConcurrencyLimit must be at least 1; got {o.ConcurrencyLimit}."));
        }

        if (o.ConcurrencyQueueLimit < 0)
        {
            failures.Add(Invariant($"ConcurrencyQueueLimit must not be negative; got {o.ConcurrencyQueueLimit}."));
        }

        if (o.RateLimitPermits is < 1)
        {
            failures.Add(Invariant($"RateLimitPermits must be at least 1, or null for no limit; got {o.RateLimitPermits}."));
        }

        Range(failures, nameof(o.RateLimitPeriod), o.RateLimitPeriod, TimeSpan.FromMilliseconds(1), MaxTimeout);
        if (o.RateLimitQueueLimit < 0)
        {
            failures.Add(Invariant($"RateLimitQueueLimit must not be negative; got {o.RateLimitQueueLimit}."));
        }

        HeaderName(failures, nameof(o.IdempotencyHeaderName), o.IdempotencyHeaderName, required: true);
        HeaderName(failures, nameof(o.CorrelationIdHeaderName), o.CorrelationIdHeaderName, required: false);
        if (!string.IsNullOrEmpty(o.CorrelationIdHeaderName)
            && string.Equals(o.CorrelationIdHeaderName, o.IdempotencyHeaderName, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"CorrelationIdHeaderName and IdempotencyHeaderName must differ; both are '{o.IdempotencyHeaderName}'.");
        }

        if (!Enum.IsDefined(o.IdempotencyHeaderFormat))
        {
            failures.Add(Invariant($"IdempotencyHeaderFormat has no value {(int)o.IdempotencyHeaderFormat}."));
        }

        if (o.Classifier is null)
        {
            failures.Add("Classifier must not be null.");
        }

        return failures;
    }

    private static void Range(List<string> failures, string field, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add(Invariant($"{field} must be between {min} and {max}; got {value}."));
        }
    }

    private static void HeaderName(List<string> failures, string field, string? value, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                failures.Add($"{field} must not be empty.");
            }

            return;
        }

        foreach (var c in value)
        {
            // RFC 9110 token characters.
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal)))
            {
                failures.Add($"{field} must be an HTTP header name (RFC 9110 token); got '{value}'.");
                return;
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
