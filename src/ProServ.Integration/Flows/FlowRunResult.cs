namespace ProServ.Integration.Flows;

/// <summary>Counts what one run of a flow did.</summary>
/// <param name="Read">The changes read from the source.</param>
/// <param name="Completed">The items the run brought to their end state (for project set-up: projects created or found complete).</param>
/// <param name="Skipped">The changes that needed nothing (tombstones, opportunities not won, work already done).</param>
/// <param name="DeadLettered">The items parked in the dead-letter store with diagnostics.</param>
/// <param name="Deferred"><see langword="true"/> when a transient failure stopped the run before the end; the checkpoint stays before the unfinished page and the next run resumes there.</param>
/// <param name="PagesCommitted">The pages whose cursor was committed to the checkpoint store.</param>
public sealed record FlowRunResult(int Read, int Completed, int Skipped, int DeadLettered, bool Deferred, int PagesCommitted);
