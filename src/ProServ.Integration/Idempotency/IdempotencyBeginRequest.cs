namespace ProServ.Integration.Idempotency;

/// <summary>Names one key to begin in <see cref="IIdempotencyStore.TryBeginManyAsync"/>.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Key">The key.</param>
/// <param name="Fingerprint">The fingerprint of the request.</param>
public readonly record struct IdempotencyBeginRequest(string TenantId, IdempotencyKey Key, RequestFingerprint Fingerprint);
