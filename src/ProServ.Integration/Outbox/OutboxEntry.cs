namespace ProServ.Integration.Outbox;

/// <summary>Represents a stored outbox message with its delivery state, as returned by <see cref="IOutboxStore.ClaimAsync"/>
/// and <see cref="IOutboxStore.GetAsync"/>.</summary>
/// <remarks>A claimed entry carries the claim's <see cref="LeaseToken"/>; pass the entry back to mark, reschedule, release or
/// dead-letter it. Immutable and thread-safe. Times are UTC with millisecond precision.</remarks>
public sealed class OutboxEntry
{
    /// <summary>Gets the store-assigned position in enqueue order; within one tenant and stream, a later message has a greater sequence.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets the message id, unique per tenant.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>Gets the ordering stream within the tenant.</summary>
    public required string Stream { get; init; }

    /// <summary>Gets the message type.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the payload, byte for byte as enqueued.</summary>
    public required ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Gets the payload's media type.</summary>
    public required string ContentType { get; init; }

    /// <summary>Gets the correlation id, if any.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Gets the delivery state.</summary>
    public required OutboxState State { get; init; }

    /// <summary>Gets how many times the message has been claimed for publishing (a claim given back unpublished with
    /// <see cref="IOutboxStore.ReleaseAsync"/> does not count); 1 during the first attempt.</summary>
    public required int Attempts { get; init; }

    /// <summary>Gets when the message was enqueued.</summary>
    public required DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>Gets the earliest time the message may be claimed (later than <see cref="EnqueuedAt"/> after a retry was scheduled).</summary>
    public required DateTimeOffset AvailableAt { get; init; }

    /// <summary>Gets the token of the claim that holds the message, or <see cref="Guid.Empty"/> when no claim holds it.</summary>
    public Guid LeaseToken { get; init; }

    /// <summary>Gets when the current claim ends; after that another relay may claim the message again.</summary>
    public DateTimeOffset LeaseExpiresAt { get; init; }

    /// <summary>Gets when the message was published or dead-lettered, or <see langword="null"/> while it is pending.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets the error code of the latest failed attempt, if any.</summary>
    public string? LastErrorCode { get; init; }

    /// <summary>Gets the error message of the latest failed attempt, if any.</summary>
    public string? LastErrorMessage { get; init; }
}
