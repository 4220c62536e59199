namespace ProServ.Integration.DeadLetter;

/// <summary>Represents a stored dead-letter item with its original, unredacted payload, as handed to a replay handler.</summary>
/// <remarks>Holds sensitive data; display <see cref="DeadLetterView"/> instead.</remarks>
public sealed class DeadLetterItem
{
    /// <summary>Gets the item's id (time-ordered, assigned by the store).</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>Gets the pipeline or operation that failed.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the idempotency key of the original operation; a replay must run with it.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the correlation id of the first failure, if any.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Gets the error code of the latest failure.</summary>
    public required string ErrorCode { get; init; }

    /// <summary>Gets the error message of the latest failure.</summary>
    public required string ErrorMessage { get; init; }

    /// <summary>Gets the original payload, byte for byte.</summary>
    public required ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Gets the payload's media type.</summary>
    public required string ContentType { get; init; }

    /// <summary>Gets how many times the operation failed, including failed replays; 1 or more.</summary>
    public required int Attempts { get; init; }

    /// <summary>Gets when the operation first failed (UTC, millisecond precision).</summary>
    public required DateTimeOffset FirstFailedAt { get; init; }

    /// <summary>Gets when the operation last failed (UTC, millisecond precision).</summary>
    public required DateTimeOffset LastFailedAt { get; init; }

    /// <summary>Gets when a replay succeeded, or <see langword="null"/> while the item is pending.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Gets the item's state, derived from <see cref="ResolvedAt"/>.</summary>
    public DeadLetterStatus Status => ResolvedAt is null ? DeadLetterStatus.Pending : DeadLetterStatus.Resolved;
}
