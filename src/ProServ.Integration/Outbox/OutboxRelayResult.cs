using System.Runtime.InteropServices;

namespace ProServ.Integration.Outbox;

/// <summary>Counts what one <see cref="OutboxRelay.RunOnceAsync"/> did with the batch it claimed.</summary>
/// <param name="Claimed">Messages claimed.</param>
/// <param name="Published">Messages published and marked published.</param>
/// <param name="Retried">Messages whose attempt failed and that were scheduled for a retry.</param>
/// <param name="DeadLettered">Messages handed to the dead-letter store.</param>
/// <param name="Released">Messages given back untried because an earlier message of their stream failed in this batch.</param>
/// <param name="LeaseLost">Messages whose claim was taken over before the relay finished them (they may be published again).</param>
[StructLayout(LayoutKind.Auto)]
public readonly record struct OutboxRelayResult(int Claimed, int Published, int Retried, int DeadLettered, int Released, int LeaseLost);
