using ProServ.Integration.Errors;

namespace ProServ.Integration.Idempotency;

/// <summary>Thrown by <see cref="IdempotentExecutor"/> when the operation failed permanently under this key before.</summary>
/// <remarks>The error code is <see cref="IdempotencyErrorCodes.FailedPermanently"/>; not transient. <see cref="Failure"/> is the stored failure.</remarks>
public sealed class IdempotencyFailedException : IntegrationException
{
    /// <summary>Initializes a new instance of the <see cref="IdempotencyFailedException"/> class.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="key">The key.</param>
    /// <param name="failure">The stored failure.</param>
    public IdempotencyFailedException(string tenantId, IdempotencyKey key, IdempotencyFailure failure)
        : base(IdempotencyErrorCodes.FailedPermanently, $"Idempotency key '{key}' of tenant '{tenantId}' failed permanently before: {failure?.ErrorCode}: {failure?.Message}")
    {
        ArgumentNullException.ThrowIfNull(failure);
        TenantId = tenantId;
        Key = key;
        Failure = failure;
    }

    /// <summary>Gets the tenant.</summary>
    public string TenantId { get; }

    /// <summary>Gets the key.</summary>
    public IdempotencyKey Key { get; }

    /// <summary>Gets the stored failure.</summary>
    public IdempotencyFailure Failure { get; }
}
