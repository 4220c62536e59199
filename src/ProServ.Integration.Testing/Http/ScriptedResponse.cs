using System.Net;

namespace ProServ.Integration.Testing.Http;

/// <summary>Describes what a <see cref="ScriptedHttpServer"/> does with the next request: one step of its script.</summary>
/// <remarks>Immutable. Build steps with the factory methods.</remarks>
public sealed class ScriptedResponse
{
    private ScriptedResponse(ScriptedStepKind kind) => Kind = kind;

    /// <summary>Gets what the step does.</summary>
    public ScriptedStepKind Kind { get; }

    /// <summary>Gets the status code of a <see cref="ScriptedStepKind.Status"/> step.</summary>
    public HttpStatusCode StatusCode { get; private init; } = HttpStatusCode.OK;

    /// <summary>Gets the Retry-After delta of the answer, if any.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>Gets the Retry-After HTTP-date of the answer, if any.</summary>
    public DateTimeOffset? RetryAt { get; private init; }

    /// <summary>Gets the body of the answer, if any.</summary>
    public string? Body { get; private init; }

    /// <summary>Gets the wait of a <see cref="ScriptedStepKind.Delay"/> step (real time).</summary>
    public TimeSpan Wait { get; private init; }

    /// <summary>Answers with a status code, without recording the operation.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="retryAfter">The Retry-After delta, sent as whole seconds, if any.</param>
    /// <param name="body">The body, if any.</param>
    /// <returns>The step.</returns>
    public static ScriptedResponse Status(HttpStatusCode statusCode, TimeSpan? retryAfter = null, string? body = null) =>
        new(ScriptedStepKind.Status) { StatusCode = statusCode, RetryAfter = retryAfter, Body = body };

    /// <summary>Answers with a status code and a Retry-After HTTP-date, without recording the operation.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="retryAt">The Retry-After date (sent with whole-second precision).</param>
    /// <returns>The step.</returns>
    public static ScriptedResponse StatusRetryAt(HttpStatusCode statusCode, DateTimeOffset retryAt) =>
        new(ScriptedStepKind.Status) { StatusCode = statusCode, RetryAt = retryAt };

    /// <summary>Waits (real time), then handles the request normally.</summary>
    /// <param name="wait">The wait; not negative.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="wait"/> is negative.</exception>
    public static ScriptedResponse Delay(TimeSpan wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        return new(ScriptedStepKind.Delay) { Wait = wait };
    }

    /// <summary>Never answers and records nothing.</summary>
    /// <returns>The step.</returns>
    public static ScriptedResponse Hang() => new(ScriptedStepKind.Hang);

    /// <summary>Records the operation, then never answers.</summary>
    /// <returns>The step.</returns>
    public static ScriptedResponse CommitThenHang() => new(ScriptedStepKind.CommitThenHang);

    /// <summary>Records the operation, then drops the connection.</summary>
    /// <returns>The step.</returns>
    public static ScriptedResponse DropAfterCommit() => new(ScriptedStepKind.DropAfterCommit);

    /// <summary>Drops the connection without recording anything.</summary>
    /// <returns>The step.</returns>
    public static ScriptedResponse DropBeforeCommit() => new(ScriptedStepKind.DropBeforeCommit);
}
