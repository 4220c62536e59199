using ProServ.Integration.Flows;

namespace ProServ.Integration.Sync;

/// <summary>One flow's pass for one tenant, as the sync engine saw it.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Flow">The flow's name.</param>
/// <param name="Result">What the pass did, or <see langword="null"/> when it threw.</param>
/// <param name="ErrorCode">The fault's error code when the pass threw (<see cref="Errors.IntegrationException.ErrorCode"/> or the exception type), or <see langword="null"/>.</param>
/// <param name="Duration">How long the pass took.</param>
public sealed record SyncFlowRun(string TenantId, string Flow, FlowRunResult? Result, string? ErrorCode, TimeSpan Duration)
{
    /// <summary>Gets a value indicating whether the pass must be retried soon: it was deferred by a transient failure or threw.</summary>
    public bool NeedsRetry => Result is null || Result.Deferred;
}
