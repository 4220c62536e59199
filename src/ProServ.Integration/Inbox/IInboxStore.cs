namespace ProServ.Integration.Inbox;

/// <summary>
/// Remembers which messages each consumer has handled, so that a consumer of an at-least-once feed drops a redelivered
/// message. This is an extension point: a store author implements it and proves the implementation with the conformance
/// suite <c>InboxStoreConformanceTests</c> in the ProServ.Integration.Testing package.
/// </summary>
/// <remarks>
/// <para>A record is identified by (consumer, message id): <see cref="TryRecordAsync"/> is atomic, so of any number of
/// concurrent callers with the same pair exactly one gets <see langword="true"/>. Consumers are independent: each handles
/// every message once.</para>
/// <para>Record before handling and <see cref="RemoveAsync"/> when handling fails, or — better, where the handler's writes
/// live in the same database — record inside the handler's transaction (the SQLite store's transaction overload), so that
/// "handled" and the handler's effects commit together. Times come from an injected <see cref="TimeProvider"/>.
/// Implementations are thread-safe.</para>
/// </remarks>
public interface IInboxStore
{
    /// <summary>Records that <paramref name="consumer"/> handles <paramref name="messageId"/>, unless it already did.</summary>
    /// <param name="consumer">The consumer name, for example <c>billing.time-entry-approved</c>.</param>
    /// <param name="messageId">The message id (for a business event, its event id).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> for the first record of the pair: handle the message; <see langword="false"/>: drop it.</returns>
    /// <exception cref="ArgumentException">An argument is empty or longer than 255 characters.</exception>
    ValueTask<bool> TryRecordAsync(string consumer, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Forgets a record, so that the message is handled again when it is redelivered (after a failed handling).</summary>
    /// <param name="consumer">The consumer name.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when a record was removed.</returns>
    ValueTask<bool> RemoveAsync(string consumer, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Deletes records made strictly before <paramref name="olderThan"/>, oldest first, at most <paramref name="maxBatch"/>
    /// per call. Keep records longer than the longest redelivery or replay window. Call it until it returns less than <paramref name="maxBatch"/>.</summary>
    /// <param name="olderThan">Records made strictly before this instant are deleted.</param>
    /// <param name="maxBatch">The most records to delete, 1 or more.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How many records were deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBatch"/> is less than 1.</exception>
    ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default);
}
