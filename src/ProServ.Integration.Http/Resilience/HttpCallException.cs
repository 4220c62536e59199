using System.Net;
using ProServ.Integration.Http.Resilience.Internal;
using ProServ.Integration.Errors;

namespace ProServ.Integration.Http.Resilience;

/// <summary>Represents a call to a target system that failed beyond what the resilience handler could retry.</summary>
/// <remarks>
/// <see cref="IntegrationException.ErrorCode"/> is one of <see cref="HttpErrorCodes"/> and
/// <see cref="IntegrationException.IsTransient"/> says whether the engine may try the operation again later; everything a
/// dead-letter item needs (code, message, correlation id, idempotency key, status) is on the exception.
/// </remarks>
public sealed class HttpCallException : IntegrationException
{
    internal HttpCallException(
        string errorCode,
        string message,
        bool isTransient,
        HttpCallFailure failure,
        Exception? innerException = null)
        : base(errorCode, message, isTransient, innerException)
    {
        TargetName = failure.TargetName;
        Method = failure.Method;
        RequestUri = failure.RequestUri;
        StatusCode = failure.StatusCode;
        CorrelationId = failure.CorrelationId;
        IdempotencyKey = failure.IdempotencyKey;
        Attempts = failure.Attempts;
        RetryAfter = failure.RetryAfter;
        ResponseBodyExcerpt = failure.ResponseBodyExcerpt;
    }

    /// <summary>Gets the name of the target (the named HTTP client).</summary>
    public string TargetName { get; }

    /// <summary>Gets the request method.</summary>
    public string Method { get; }

    /// <summary>Gets the request URI, if any.</summary>
    public Uri? RequestUri { get; }

    /// <summary>Gets the status code of the last response, or <see langword="null"/> when the last attempt got none.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Gets the correlation id the request carried, if any.</summary>
    public string? CorrelationId { get; }

    /// <summary>Gets the idempotency key the request carried, if any; a replay from the dead-letter store sends it again.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>Gets the number of attempts sent to the target (0 when none was).</summary>
    public int Attempts { get; }

    /// <summary>Gets the wait the target asked for in <c>Retry-After</c>, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Gets the start of a permanent failure's response body (at most 2048 characters), for the dead-letter item; otherwise <see langword="null"/>.</summary>
    public string? ResponseBodyExcerpt { get; }
}
