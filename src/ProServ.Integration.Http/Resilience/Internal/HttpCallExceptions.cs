using System.Net;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>Creates <see cref="HttpCallException"/> instances from a call's state.</summary>
internal static class HttpCallExceptions
{
    public static HttpCallException Create(
        string code,
        string message,
        bool isTransient,
        string targetName,
        CallState? call,
        HttpResponseMessage? response,
        string? bodyExcerpt = null,
        Exception? inner = null)
    {
        HttpStatusCode? status = response?.StatusCode;
        var failure = new HttpCallFailure(
            targetName,
            call?.Request.Method.Method ?? string.Empty,
            call?.Request.RequestUri,
            status,
            call?.CorrelationId,
            call?.Key?.Value,
            call?.Attempts ?? 0,
            call?.RetryAfter,
            bodyExcerpt);
        return new HttpCallException(code, message, isTransient, failure, inner);
    }
}
