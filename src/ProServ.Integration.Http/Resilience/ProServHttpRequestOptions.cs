using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Http.Resilience;

/// <summary>Holds the <see cref="HttpRequestOptionsKey{TValue}"/> keys the resilience handler reads from and writes to <see cref="HttpRequestMessage.Options"/>.</summary>
/// <remarks>Set them with <see cref="HttpMessageExtensions.SetIdempotencyKey"/> and <see cref="HttpMessageExtensions.SetCorrelationId"/>.</remarks>
public static class ProServHttpRequestOptions
{
    /// <summary>Gets the key of the request's idempotency key: sent in the <c>Idempotency-Key</c> header, and what makes a POST or PATCH retryable.</summary>
    public static HttpRequestOptionsKey<IdempotencyKey> IdempotencyKey { get; } = new("ProServ.Integration.IdempotencyKey");

    /// <summary>Gets the key of the request's correlation id: sent in the correlation header and carried by <see cref="HttpCallException"/>.</summary>
    public static HttpRequestOptionsKey<string> CorrelationId { get; } = new("ProServ.Integration.CorrelationId");

    /// <summary>Gets the key under which the handler records how the call succeeded.</summary>
    public static HttpRequestOptionsKey<HttpCallOutcome> CallOutcome { get; } = new("ProServ.Integration.CallOutcome");
}
