namespace ProServ.Integration.DeadLetter;

/// <summary>
/// Keeps the operations that failed beyond retry (with their original payload) so that an operator can list, fix and
/// replay them. This is an extension point: a store author implements it and proves the implementation with the
/// conformance suite <c>DeadLetterStoreConformanceTests</c> in the ProServ.Integration.Testing package.
/// </summary>
/// <remarks>
/// <para>
/// An item is identified by its tenant and idempotency key: a second failure of the same operation updates the item
/// (attempts, last failure, latest error) instead of adding another. Replay always hands the handler the item's original
/// idempotency key, so a replay that reaches a target system which already applied the operation is recognised there as a
/// duplicate and not applied twice.
/// </para>
/// <para>
/// Items are never deleted by replay: a successful replay marks the item <see cref="DeadLetterStatus.Resolved"/> so that
/// audits see it, and <see cref="PurgeAsync"/> removes resolved items after retention. Implementations are thread-safe.
/// </para>
/// </remarks>
public interface IDeadLetterStore
{
    /// <summary>Records a failure: adds an item, or, when the tenant already has an item with the same idempotency key,
    /// increments its attempts, updates its last failure and error, and reopens it if it was resolved. The original payload is kept.</summary>
    /// <param name="failure">The failed operation.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The stored item.</returns>
    /// <exception cref="ArgumentException">A required field of <paramref name="failure"/> is empty.</exception>
    ValueTask<DeadLetterItem> AddAsync(DeadLetterFailure failure, CancellationToken cancellationToken = default);

    /// <summary>Lists items for display, oldest first failure first, with sensitive payload fields redacted.</summary>
    /// <param name="query">The filter and page.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>One page of redacted views and the token of the next page.</returns>
    /// <exception cref="ArgumentException">The page token was not issued by this store.</exception>
    ValueTask<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken = default);

    /// <summary>Replays one item: calls <paramref name="handler"/> with the stored item (original payload and idempotency key)
    /// and marks the item resolved on success or counts a further attempt on failure. A resolved item is not replayed again.</summary>
    /// <param name="tenant">The item's tenant.</param>
    /// <param name="id">The item's id.</param>
    /// <param name="handler">Re-runs the operation; an <see cref="Errors.IntegrationException"/> it throws counts as a failed replay.</param>
    /// <param name="cancellationToken">The cancellation token, forwarded to <paramref name="handler"/>.</param>
    /// <returns>What happened to the item.</returns>
    /// <exception cref="Errors.IntegrationException">With <see cref="DeadLetterErrorCodes.NotFound"/> when the tenant has no such item.</exception>
    ValueTask<DeadLetterReplayResult> ReplayAsync(
        string tenant,
        Guid id,
        Func<DeadLetterItem, CancellationToken, ValueTask<ReplayOutcome>> handler,
        CancellationToken cancellationToken = default);

    /// <summary>Replays every pending item that matches <paramref name="filter"/>, one at a time, oldest first, reading
    /// <see cref="DeadLetterQuery.PageSize"/> items per batch. <see cref="DeadLetterQuery.IncludeResolved"/> and
    /// <see cref="DeadLetterQuery.PageToken"/> are ignored.</summary>
    /// <param name="filter">Which items to replay.</param>
    /// <param name="handler">Re-runs the operation; an <see cref="Errors.IntegrationException"/> it throws counts as a failed replay.</param>
    /// <param name="cancellationToken">The cancellation token, forwarded to <paramref name="handler"/>.</param>
    /// <returns>How many items were resolved and how many failed again.</returns>
    ValueTask<DeadLetterReplaySummary> ReplayAsync(
        DeadLetterQuery filter,
        Func<DeadLetterItem, CancellationToken, ValueTask<ReplayOutcome>> handler,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes resolved items whose resolution is older than <paramref name="olderThan"/>, oldest first, at most
    /// <paramref name="maxBatch"/> per call. Pending items are never purged. Call repeatedly until it returns 0.</summary>
    /// <param name="olderThan">Items resolved strictly before this instant are deleted.</param>
    /// <param name="maxBatch">The most items to delete in this call, 1 or more.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How many items were deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBatch"/> is less than 1.</exception>
    ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default);
}
