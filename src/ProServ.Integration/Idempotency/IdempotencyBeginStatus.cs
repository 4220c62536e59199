namespace ProServ.Integration.Idempotency;

/// <summary>Tells a caller of <see cref="IIdempotencyStore.TryBeginAsync"/> what to do.</summary>
public enum IdempotencyBeginStatus
{
    /// <summary>The caller holds the lease and runs the operation, then completes or fails the lease.</summary>
    Acquired = 0,

    /// <summary>Another caller holds a live lease; do not run the operation. Retry after the lease expires.</summary>
    InProgress = 1,

    /// <summary>The operation completed before; do not run it again. The stored outcome is the answer.</summary>
    Completed = 2,

    /// <summary>The key was used with a different request fingerprint: an error in the caller, never a replay.</summary>
    Conflict = 3,

    /// <summary>The operation failed permanently before; do not run it again. The stored failure is the answer.</summary>
    Failed = 4,
}
