namespace ProServ.Integration.DeadLetter;

/// <summary>Describes an operation that failed beyond retry, as handed to <see cref="IDeadLetterStore.AddAsync"/>.</summary>
public sealed class DeadLetterFailure
{
    /// <summary>Gets the tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>Gets the pipeline or operation that failed, for example <c>psa.time-entries.import</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the idempotency key the operation ran with; replay passes it again so that the target de-duplicates.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the correlation id that ties the failure to logs and traces, if any.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Gets the stable error code, for example <see cref="Errors.IntegrationException.ErrorCode"/> of the fault.</summary>
    public required string ErrorCode { get; init; }

    /// <summary>Gets the error message.</summary>
    public required string ErrorMessage { get; init; }

    /// <summary>Gets the original payload, byte for byte.</summary>
    public required ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Gets the payload's media type, for example <c>application/json</c>.</summary>
    public required string ContentType { get; init; }
}
