using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Http.Resilience;

/// <summary>Provides the request and response extensions of the resilience handler.</summary>
public static class HttpMessageExtensions
{
    /// <summary>Sets the idempotency key of a request; the handler sends it in the idempotency header and may then retry a POST or PATCH.</summary>
    /// <param name="request">The request.</param>
    /// <param name="key">The key; <c>default</c> is not a valid key.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is <c>default</c>.</exception>
    public static HttpRequestMessage SetIdempotencyKey(this HttpRequestMessage request, IdempotencyKey key)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (key.Value is null)
        {
            throw new ArgumentException("default(IdempotencyKey) is not a valid key.", nameof(key));
        }

        request.Options.Set(ProServHttpRequestOptions.IdempotencyKey, key);
        return request;
    }

    /// <summary>Sets the correlation id of a request; the handler sends it in the correlation header.</summary>
    /// <param name="request">The request.</param>
    /// <param name="correlationId">The correlation id: printable ASCII, at most 255 characters.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="correlationId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="correlationId"/> is empty, too long or not printable ASCII.</exception>
    public static HttpRequestMessage SetCorrelationId(this HttpRequestMessage request, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(correlationId);
        if (correlationId.Length is 0 or > 255 || correlationId.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            throw new ArgumentException("A correlation id is 1 to 255 printable ASCII characters (U+0021 to U+007E).", nameof(correlationId));
        }

        request.Options.Set(ProServHttpRequestOptions.CorrelationId, correlationId);
        return request;
    }

    /// <summary>Gets how the call that produced a response succeeded.</summary>
    /// <param name="response">The response.</param>
    /// <returns>The outcome, or <see cref="HttpCallOutcome.None"/> when the resilience handler did not produce it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    public static HttpCallOutcome GetCallOutcome(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.RequestMessage is { } request && request.Options.TryGetValue(ProServHttpRequestOptions.CallOutcome, out var outcome)
            ? outcome
            : HttpCallOutcome.None;
    }
}
