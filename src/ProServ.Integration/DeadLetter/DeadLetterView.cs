namespace ProServ.Integration.DeadLetter;

/// <summary>Represents a dead-letter item for display: every field but the payload, which is shown redacted.</summary>
public sealed class DeadLetterView
{
    /// <summary>Gets the item's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>Gets the pipeline or operation that failed.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the idempotency key of the original operation.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the correlation id of the first failure, if any.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Gets the error code of the latest failure.</summary>
    public required string ErrorCode { get; init; }

    /// <summary>Gets the error message of the latest failure.</summary>
    public required string ErrorMessage { get; init; }

    /// <summary>Gets the payload's media type.</summary>
    public required string ContentType { get; init; }

    /// <summary>Gets the payload's size in bytes.</summary>
    public required int PayloadLength { get; init; }

    /// <summary>
    /// Gets the payload as JSON text with every sensitive value replaced by the redaction placeholder, or
    /// <see langword="null"/> when the payload is not JSON (or not well-formed), which is never shown raw.
    /// </summary>
    public string? RedactedPayload { get; init; }

    /// <summary>Gets how many times the operation failed, including failed replays.</summary>
    public required int Attempts { get; init; }

    /// <summary>Gets when the operation first failed.</summary>
    public required DateTimeOffset FirstFailedAt { get; init; }

    /// <summary>Gets when the operation last failed.</summary>
    public required DateTimeOffset LastFailedAt { get; init; }

    /// <summary>Gets when a replay succeeded, or <see langword="null"/> while the item is pending.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Gets the item's state.</summary>
    public DeadLetterStatus Status => ResolvedAt is null ? DeadLetterStatus.Pending : DeadLetterStatus.Resolved;
}
