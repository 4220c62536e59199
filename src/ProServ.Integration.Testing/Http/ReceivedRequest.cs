namespace ProServ.Integration.Testing.Http;

/// <summary>Describes a request a <see cref="ScriptedHttpServer"/> received.</summary>
/// <param name="Method">The method.</param>
/// <param name="Path">The path, from <c>/</c>.</param>
/// <param name="IdempotencyKey">The idempotency key (unquoted), if the request carried one.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> header, if any.</param>
/// <param name="CorrelationId">The correlation id header, if any.</param>
/// <param name="Body">The body as UTF-8 text.</param>
public sealed record ReceivedRequest(string Method, string Path, string? IdempotencyKey, string? TraceParent, string? CorrelationId, string Body);
