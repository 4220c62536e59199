namespace ProServ.Integration.Idempotency;

/// <summary>Lists the stable error codes of the idempotency feature (<see cref="Errors.IntegrationException.ErrorCode"/>).</summary>
/// <remarks>Codes are constants; they never change between releases.</remarks>
public static class IdempotencyErrorCodes
{
    /// <summary>The key was already used with a different request fingerprint. Not transient: the caller has a bug.</summary>
    public const string Conflict = "idempotency.conflict";

    /// <summary>The lease no longer holds: it expired and another caller took the key over. Not transient.</summary>
    public const string LeaseLost = "idempotency.lease-lost";

    /// <summary>Another caller holds a live lease on the key. Transient: retry after the lease expires.</summary>
    public const string InProgress = "idempotency.in-progress";

    /// <summary>The operation failed permanently under this key before; the failure is stored and replayed. Not transient.</summary>
    public const string FailedPermanently = "idempotency.failed-permanently";
}
