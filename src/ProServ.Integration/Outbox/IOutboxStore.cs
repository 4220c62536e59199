namespace ProServ.Integration.Outbox;

/// <summary>
/// Keeps the messages a service has decided to publish, so that a relay publishes each at least once even if the process
/// dies in between. This is an extension point: a store author implements it and proves the implementation with the
/// conformance suite <c>OutboxStoreConformanceTests</c> in the ProServ.Integration.Testing package.
/// </summary>
/// <remarks>
/// <para><b>Claims.</b> <see cref="ClaimAsync"/> leases up to a batch of pending messages to one caller: a message leased by
/// a live claim is never handed to another claim, so two relays never publish the same message at the same time. A claim
/// that is not finished before its lease ends (the relay died) is taken over by the next claim. Every claim counts an
/// attempt.</para>
/// <para><b>Order.</b> Messages of one (tenant, stream) are claimed in enqueue order, and a message is claimed only when every
/// earlier pending message of its stream is claimed with it: while an earlier message is leased by another claim or
/// scheduled for a later retry, the later ones wait. Dead-lettering a message unblocks its stream.</para>
/// <para><b>Finishing.</b> <see cref="MarkPublishedAsync"/>, <see cref="MarkPublishedManyAsync"/>, <see cref="RescheduleAsync"/>, <see cref="ReleaseAsync"/> and
/// <see cref="MarkDeadLetteredAsync"/> act only while the entry's claim still holds the message (same lease token, still
/// pending) and return <see langword="false"/> otherwise: the message was taken over and may be published twice, which is
/// the at-least-once contract — consumers deduplicate on the message id (see <c>IInboxStore</c>).</para>
/// <para>Times come from an injected <see cref="TimeProvider"/>, truncated to milliseconds. Implementations are thread-safe.</para>
/// </remarks>
public interface IOutboxStore
{
    /// <summary>Stores a message for publishing. A message whose tenant and id are already stored is not stored again.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when the message was stored; <see langword="false"/> when it was already there.</returns>
    /// <exception cref="ArgumentException">A required field of <paramref name="message"/> is empty or longer than 255 characters.</exception>
    ValueTask<bool> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>Leases up to <paramref name="maxBatch"/> pending messages that are due, oldest first, keeping the order of each stream.</summary>
    /// <param name="maxBatch">The most messages to claim, 1 or more.</param>
    /// <param name="leaseDuration">How long the claim holds the messages.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The claimed entries in enqueue order, each with the claim's lease token and its attempts incremented; empty when nothing is due.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBatch"/> is less than 1 or <paramref name="leaseDuration"/> is not positive.</exception>
    ValueTask<IReadOnlyList<OutboxEntry>> ClaimAsync(int maxBatch, TimeSpan leaseDuration, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed message published.</summary>
    /// <param name="entry">The entry from <see cref="ClaimAsync"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="false"/> when the claim no longer holds the message.</returns>
    ValueTask<bool> MarkPublishedAsync(OutboxEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Marks many claimed messages published in one round trip (one transaction where the store has them); each entry
    /// is marked exactly as <see cref="MarkPublishedAsync"/> would.</summary>
    /// <param name="entries">Entries from <see cref="ClaimAsync"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How many entries were marked; the others' claims no longer held them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    ValueTask<int> MarkPublishedManyAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Gives a claimed message back after a failed attempt: it becomes due again at <paramref name="availableAt"/>,
    /// and the error is recorded. The attempt stays counted.</summary>
    /// <param name="entry">The entry from <see cref="ClaimAsync"/>.</param>
    /// <param name="availableAt">When the message may be claimed again.</param>
    /// <param name="errorCode">The stable error code of the failure.</param>
    /// <param name="errorMessage">The error message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="false"/> when the claim no longer holds the message.</returns>
    ValueTask<bool> RescheduleAsync(OutboxEntry entry, DateTimeOffset availableAt, string errorCode, string errorMessage, CancellationToken cancellationToken = default);

    /// <summary>Gives a claimed message back without trying it (for example because an earlier message of its stream failed):
    /// it is due again at once and the claim's attempt is not counted.</summary>
    /// <param name="entry">The entry from <see cref="ClaimAsync"/>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="false"/> when the claim no longer holds the message.</returns>
    ValueTask<bool> ReleaseAsync(OutboxEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed message dead-lettered: it is never claimed again and no longer blocks its stream. Record it in
    /// the dead-letter store first.</summary>
    /// <param name="entry">The entry from <see cref="ClaimAsync"/>.</param>
    /// <param name="errorCode">The stable error code of the last failure.</param>
    /// <param name="errorMessage">The error message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="false"/> when the claim no longer holds the message.</returns>
    ValueTask<bool> MarkDeadLetteredAsync(OutboxEntry entry, string errorCode, string errorMessage, CancellationToken cancellationToken = default);

    /// <summary>Reads a stored message, for diagnostics and tests.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The message id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The entry, or <see langword="null"/> when it is not stored.</returns>
    ValueTask<OutboxEntry?> GetAsync(string tenant, string id, CancellationToken cancellationToken = default);

    /// <summary>Deletes published and dead-lettered messages completed strictly before <paramref name="olderThan"/>, at most
    /// <paramref name="maxBatch"/> per call. Pending messages are never purged. Call it until it returns less than <paramref name="maxBatch"/>.</summary>
    /// <param name="olderThan">Messages completed strictly before this instant are deleted.</param>
    /// <param name="maxBatch">The most messages to delete, 1 or more.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How many messages were deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBatch"/> is less than 1.</exception>
    ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default);
}
