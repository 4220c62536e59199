namespace ProServ.Integration.Testing.Fakes;

/// <summary>Names the kinds of fault a fake system injects, for the counters in <see cref="FaultInjector"/>.</summary>
public enum InjectedFaultKind
{
    /// <summary>A 429 because the fake's rate limit was exceeded.</summary>
    RateLimited = 0,

    /// <summary>A random 429 with <c>Retry-After</c>.</summary>
    Throttled = 1,

    /// <summary>A random 500 or 503 before anything was committed.</summary>
    ServerError = 2,

    /// <summary>A response delayed before it was served.</summary>
    SlowResponse = 3,

    /// <summary>A write committed whose connection was then dropped before the response.</summary>
    DropAfterCommit = 4,

    /// <summary>A fault armed explicitly with <see cref="FaultInjector.Arm(Http.ScriptedResponse, string?)"/>.</summary>
    Armed = 5,
}
