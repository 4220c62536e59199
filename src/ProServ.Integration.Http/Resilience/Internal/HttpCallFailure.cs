using System.Net;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>Carries the facts of a failed call into <see cref="HttpCallException"/>.</summary>
internal readonly record struct HttpCallFailure(
    string TargetName,
    string Method,
    Uri? RequestUri,
    HttpStatusCode? StatusCode,
    string? CorrelationId,
    string? IdempotencyKey,
    int Attempts,
    TimeSpan? RetryAfter,
    string? ResponseBodyExcerpt);
