namespace ProServ.Integration.Flows;

/// <summary>Holds the stable error codes the quote-to-cash flows put on dead-letter items.</summary>
public static class FlowErrorCodes
{
    /// <summary>A won opportunity lacks what project set-up needs (legal entity, billing method, service line, start date, project manager); the diagnostics list each missing field.</summary>
    public const string NotReady = "flow.not-ready";

    /// <summary>The client of a won opportunity is not known in the CRM, so no ERP customer can be created.</summary>
    public const string ClientMissing = "flow.client-missing";

    /// <summary>A step of a flow failed permanently (the target system rejected the write); the message names the step and the system.</summary>
    public const string StepFailed = "flow.step-failed";

    /// <summary>A step failed with an unexpected fault; the message carries the fault.</summary>
    public const string Unexpected = "flow.unexpected";
}
