namespace ProServ.Integration.Idempotency;

/// <summary>Stores idempotency keys so that an operation runs at most once per tenant and key, and its outcome is replayed.</summary>
/// <remarks>
/// <para>An extension point: implement it for a new database and prove the implementation by inheriting the conformance
/// suite <c>ProServ.Integration.Testing.Idempotency.IdempotencyStoreConformanceTests</c>.</para>
/// <para>Rules every implementation keeps: keys are scoped by tenant; a key reused with a different fingerprint is a
/// <see cref="IdempotencyBeginStatus.Conflict"/> in every state; of any number of concurrent callers exactly one acquires
/// a free key or takes over an expired lease (a lease is live while the store's clock is before its expiry);
/// completing, failing or renewing with a lease that was taken over throws <see cref="IdempotencyLeaseLostException"/>;
/// times come from an injected <see cref="TimeProvider"/>. Implementations are thread-safe.</para>
/// </remarks>
public interface IIdempotencyStore
{
    /// <summary>Begins an operation under a key: acquires it, or reports why the caller must not run the operation.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="key">The key.</param>
    /// <param name="fingerprint">The fingerprint of the request.</param>
    /// <param name="leaseDuration">How long the lease lasts unless renewed.</param>
    /// <param name="retention">How long the key is kept after it was last written (completed or failed).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result: exactly one of <see cref="IdempotencyBeginStatus"/>.</returns>
    /// <exception cref="ArgumentException">An argument is invalid (an empty tenant, a default key or fingerprint, a non-positive duration).</exception>
    ValueTask<IdempotencyBeginResult> TryBeginAsync(string tenantId, IdempotencyKey key, RequestFingerprint fingerprint, TimeSpan leaseDuration, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Begins many operations in one round trip; the answer equals one <see cref="TryBeginAsync"/> per request, in order.</summary>
    /// <remarks>A key named twice in one batch is acquired by its first request; the second sees <see cref="IdempotencyBeginStatus.InProgress"/> (or <see cref="IdempotencyBeginStatus.Conflict"/>).</remarks>
    /// <param name="requests">The keys to begin.</param>
    /// <param name="leaseDuration">How long each lease lasts unless renewed.</param>
    /// <param name="retention">How long each key is kept after it was last written.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>One result per request, in the order of <paramref name="requests"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requests"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A request or duration is invalid.</exception>
    ValueTask<IReadOnlyList<IdempotencyBeginResult>> TryBeginManyAsync(IReadOnlyList<IdempotencyBeginRequest> requests, TimeSpan leaseDuration, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Stores the outcome of the operation and releases the lease; later callers get <see cref="IdempotencyBeginStatus.Completed"/>.</summary>
    /// <param name="lease">The lease from <see cref="TryBeginAsync"/>.</param>
    /// <param name="outcome">The outcome to replay.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the outcome is durable.</returns>
    /// <exception cref="IdempotencyLeaseLostException">The lease was taken over or the key is no longer in progress.</exception>
    ValueTask CompleteAsync(IdempotencyLease lease, IdempotencyOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Records a failure: a permanent one is stored and replayed; a transient one releases the lease so the next caller acquires at once.</summary>
    /// <param name="lease">The lease from <see cref="TryBeginAsync"/>.</param>
    /// <param name="permanent"><see langword="true"/> to store the failure; <see langword="false"/> to release the key for a retry.</param>
    /// <param name="failure">The failure.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the change is durable.</returns>
    /// <exception cref="IdempotencyLeaseLostException">The lease was taken over or the key is no longer in progress.</exception>
    ValueTask FailAsync(IdempotencyLease lease, bool permanent, IdempotencyFailure failure, CancellationToken cancellationToken);

    /// <summary>Extends a lease that still holds, for an operation that runs longer than planned.</summary>
    /// <param name="lease">The lease from <see cref="TryBeginAsync"/> or an earlier renewal.</param>
    /// <param name="leaseDuration">The new lease length, counted from now.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The renewed lease (same token, new expiry).</returns>
    /// <exception cref="IdempotencyLeaseLostException">The lease was taken over or the key is no longer in progress.</exception>
    ValueTask<IdempotencyLease> RenewLeaseAsync(IdempotencyLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>Reads a stored key, for diagnostics and tests.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The record, or <see langword="null"/> when the key is not stored.</returns>
    ValueTask<IdempotencyRecord?> GetAsync(string tenantId, IdempotencyKey key, CancellationToken cancellationToken);

    /// <summary>Deletes at most <paramref name="maxBatch"/> keys whose retention has ended; call it until it returns less than <paramref name="maxBatch"/>.</summary>
    /// <remarks>Deletes completed and failed keys, and in-progress keys whose lease and retention have both ended (abandoned). Never deletes a key with a live lease.</remarks>
    /// <param name="maxBatch">The largest number of keys to delete in this call.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The number of keys deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBatch"/> is not positive.</exception>
    ValueTask<int> PurgeExpiredAsync(int maxBatch, CancellationToken cancellationToken);
}
