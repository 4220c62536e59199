using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Http.Resilience;

/// <summary>Answers "did this write land?" for a target that can look a write up by its idempotency key.</summary>
/// <remarks>
/// The handler calls it before resending a keyed write whose previous attempt had an unknown outcome (the connection
/// dropped, or the attempt timed out, after the request may have reached the target). Implementations send their own
/// request through the <c>sendAsync</c> delegate of <see cref="LookupAsync"/>, which bypasses the
/// resilience pipeline, and must be thread-safe.
/// </remarks>
public interface IWriteLookup
{
    /// <summary>Looks a write up by its idempotency key.</summary>
    /// <param name="request">The write whose outcome is unknown; do not resend it.</param>
    /// <param name="key">The write's idempotency key.</param>
    /// <param name="sendAsync">Sends a lookup request (for example a GET by key) to the target through the inner handler.</param>
    /// <param name="cancellationToken">Cancels the lookup; it is bounded by the attempt timeout.</param>
    /// <returns>Whether the write landed.</returns>
    ValueTask<WriteLookupResult> LookupAsync(
        HttpRequestMessage request,
        IdempotencyKey key,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> sendAsync,
        CancellationToken cancellationToken);
}
