namespace ProServ.Integration.Http.Resilience;

/// <summary>Says how a call that returned a response succeeded; read it with <see cref="HttpMessageExtensions.GetCallOutcome"/>.</summary>
public enum HttpCallOutcome
{
    /// <summary>The response was not produced by the resilience handler (or the handler is not in the pipeline).</summary>
    None = 0,

    /// <summary>The target accepted the call.</summary>
    Succeeded = 1,

    /// <summary>The target said the write already exists (an earlier attempt or run landed it): an idempotent success.</summary>
    AlreadyExists = 2,

    /// <summary>An attempt's outcome was unknown and the connector's <see cref="IWriteLookup"/> found that the write had landed; the response is the lookup's.</summary>
    FoundByLookup = 3,
}
