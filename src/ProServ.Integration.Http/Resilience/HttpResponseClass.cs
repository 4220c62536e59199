namespace ProServ.Integration.Http.Resilience;

/// <summary>Classifies a response of a target system for retry and dead-letter decisions.</summary>
public enum HttpResponseClass
{
    /// <summary>The call succeeded; the response is returned as it is.</summary>
    Success = 0,

    /// <summary>The write already exists at the target (typically 409 on a keyed write): an idempotent success, returned as it is and not retried.</summary>
    AlreadyExists = 1,

    /// <summary>The failure may pass: retried within the budget (408, 429, 5xx by default).</summary>
    Transient = 2,

    /// <summary>The failure will not pass by retrying: surfaced at once as <see cref="HttpErrorCodes.Permanent"/> (other 4xx by default).</summary>
    Permanent = 3,
}
