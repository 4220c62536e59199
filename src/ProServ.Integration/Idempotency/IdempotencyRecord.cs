namespace ProServ.Integration.Idempotency;

/// <summary>Represents a stored idempotency key, as read by <see cref="IIdempotencyStore.GetAsync"/> for diagnostics.</summary>
/// <remarks>Times are UTC with millisecond precision. Immutable and thread-safe.</remarks>
public sealed record IdempotencyRecord
{
    /// <summary>Gets the tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the key.</summary>
    public required IdempotencyKey Key { get; init; }

    /// <summary>Gets the fingerprint of the request that first used the key.</summary>
    public required RequestFingerprint Fingerprint { get; init; }

    /// <summary>Gets the state.</summary>
    public required IdempotencyState State { get; init; }

    /// <summary>Gets the number of acquisitions so far (1 for the first; a takeover or a retry after a transient failure adds 1).</summary>
    public required int Attempt { get; init; }

    /// <summary>Gets when the lease ends (or ended); meaningful while <see cref="State"/> is <see cref="IdempotencyState.InProgress"/>.</summary>
    public required DateTimeOffset LeaseExpiresAt { get; init; }

    /// <summary>Gets the stored outcome when <see cref="State"/> is <see cref="IdempotencyState.Completed"/>.</summary>
    public IdempotencyOutcome? Outcome { get; init; }

    /// <summary>Gets the stored failure when <see cref="State"/> is <see cref="IdempotencyState.Failed"/>.</summary>
    public IdempotencyFailure? Failure { get; init; }

    /// <summary>Gets when the key was first stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the key last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets when the key's retention ends; after that <see cref="IIdempotencyStore.PurgeExpiredAsync"/> may delete it.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
