using ProServ.Integration.Flows;

namespace ProServ.Integration.Sync;

/// <summary>A flow the sync engine runs per tenant: one incremental pass from its checkpoints.</summary>
/// <remarks>Implementations must be safe to run again at any point (every step idempotent) and must throw only for faults the run cannot classify; transient failures end the run with <see cref="FlowRunResult.Deferred"/>.</remarks>
public interface ISyncFlow
{
    /// <summary>Gets the flow's name, used in logs, metrics and traces (for example <c>project-setup</c>).</summary>
    string Name { get; }

    /// <summary>Runs one incremental pass for a tenant.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>What the pass did.</returns>
    ValueTask<FlowRunResult> RunOnceAsync(string tenantId, CancellationToken cancellationToken = default);
}
