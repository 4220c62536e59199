namespace ProServ.Integration.Idempotency;

/// <summary>Proves that a caller holds the right to run the operation of one idempotency key.</summary>
/// <remarks>
/// Returned by a store as part of an <see cref="IdempotencyBeginStatus.Acquired"/> result and passed back to
/// <see cref="IIdempotencyStore.CompleteAsync"/>, <see cref="IIdempotencyStore.FailAsync"/> and
/// <see cref="IIdempotencyStore.RenewLeaseAsync"/>. Once another caller has taken the key over, the store rejects the
/// old lease with <see cref="IdempotencyErrorCodes.LeaseLost"/>. Immutable and thread-safe.
/// </remarks>
/// <param name="TenantId">The tenant.</param>
/// <param name="Key">The key.</param>
/// <param name="Token">The lease token: unique per acquisition.</param>
/// <param name="ExpiresAt">When the lease ends unless renewed; after that another caller may take the key over.</param>
/// <param name="Attempt">The number of acquisitions of this key so far, 1 for the first.</param>
public readonly record struct IdempotencyLease(string TenantId, IdempotencyKey Key, Guid Token, DateTimeOffset ExpiresAt, int Attempt);
