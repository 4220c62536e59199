using ProServ.Integration.Errors;

namespace ProServ.Integration.Idempotency;

/// <summary>Thrown when an idempotency key is reused with a different request: a caller bug, never replayed silently.</summary>
/// <remarks>The error code is <see cref="IdempotencyErrorCodes.Conflict"/>; not transient.</remarks>
public sealed class IdempotencyConflictException : IntegrationException
{
    /// <summary>Initializes a new instance of the <see cref="IdempotencyConflictException"/> class.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="key">The key.</param>
    public IdempotencyConflictException(string tenantId, IdempotencyKey key)
        : base(IdempotencyErrorCodes.Conflict, $"Idempotency key '{key}' of tenant '{tenantId}' was already used with a different request.")
    {
        TenantId = tenantId;
        Key = key;
    }

    /// <summary>Gets the tenant.</summary>
    public string TenantId { get; }

    /// <summary>Gets the key.</summary>
    public IdempotencyKey Key { get; }
}
