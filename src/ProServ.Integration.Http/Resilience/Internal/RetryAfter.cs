using System.Net.Http.Headers;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>Reads the <c>Retry-After</c> header (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.</summary>
internal static class RetryAfter
{
    /// <summary>Gets the wait a response asks for, never negative; <see langword="null"/> when it sent no valid header.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.RetryAfter is not RetryConditionHeaderValue value)
        {
            return null;
        }

        if (value.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
