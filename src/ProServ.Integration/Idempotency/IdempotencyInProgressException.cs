using ProServ.Integration.Errors;

namespace ProServ.Integration.Idempotency;

/// <summary>Thrown by <see cref="IdempotentExecutor"/> when another caller holds a live lease on the key and the wait (if any) ran out.</summary>
/// <remarks>The error code is <see cref="IdempotencyErrorCodes.InProgress"/>; transient: retry after <see cref="LeaseExpiresAt"/>.</remarks>
public sealed class IdempotencyInProgressException : IntegrationException
{
    /// <summary>Initializes a new instance of the <see cref="IdempotencyInProgressException"/> class.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="key">The key.</param>
    /// <param name="leaseExpiresAt">When the other caller's lease ends.</param>
    public IdempotencyInProgressException(string tenantId, IdempotencyKey key, DateTimeOffset leaseExpiresAt)
        : base(IdempotencyErrorCodes.InProgress, $"Idempotency key '{key}' of tenant '{tenantId}' is in progress elsewhere; the lease ends at {leaseExpiresAt:O}.", isTransient: true)
    {
        TenantId = tenantId;
        Key = key;
        LeaseExpiresAt = leaseExpiresAt;
    }

    /// <summary>Gets the tenant.</summary>
    public string TenantId { get; }

    /// <summary>Gets the key.</summary>
    public IdempotencyKey Key { get; }

    /// <summary>Gets when the other caller's lease ends.</summary>
    public DateTimeOffset LeaseExpiresAt { get; }
}
