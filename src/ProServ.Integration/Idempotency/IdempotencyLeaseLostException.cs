using ProServ.Integration.Errors;

namespace ProServ.Integration.Idempotency;

/// <summary>Thrown when a lease no longer holds: it expired and another caller took the key over, or the key is no longer in progress.</summary>
/// <remarks>The error code is <see cref="IdempotencyErrorCodes.LeaseLost"/>; not transient. The holder must not report its outcome.</remarks>
public sealed class IdempotencyLeaseLostException : IntegrationException
{
    /// <summary>Initializes a new instance of the <see cref="IdempotencyLeaseLostException"/> class.</summary>
    /// <param name="lease">The lease that no longer holds.</param>
    public IdempotencyLeaseLostException(IdempotencyLease lease)
        : base(IdempotencyErrorCodes.LeaseLost, $"The lease on idempotency key '{lease.Key}' of tenant '{lease.TenantId}' (attempt {lease.Attempt}) no longer holds.")
    {
        Lease = lease;
    }

    /// <summary>Gets the lease that no longer holds.</summary>
    public IdempotencyLease Lease { get; }
}
