namespace ProServ.Integration.Idempotency;

/// <summary>Describes where a stored idempotency key is in its life.</summary>
/// <remarks>
/// <c>InProgress</c> → <c>Completed</c> (outcome stored) or <c>Failed</c> (permanent failure stored) through the lease
/// holder; a transient failure or an expired lease leaves the key <c>InProgress</c> with a lease anyone may take over.
/// <c>Completed</c> and <c>Failed</c> are terminal until the key's retention ends and it is purged.
/// </remarks>
public enum IdempotencyState
{
    /// <summary>A caller holds (or held, if the lease has expired) a lease and is running the operation.</summary>
    InProgress = 0,

    /// <summary>The operation completed; its outcome is stored and replayed.</summary>
    Completed = 1,

    /// <summary>The operation failed permanently; the failure is stored and replayed.</summary>
    Failed = 2,
}
