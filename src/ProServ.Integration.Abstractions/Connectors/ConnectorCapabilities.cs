namespace ProServ.Integration.Connectors;

/// <summary>States what a connected system supports, so the sync engine can choose how to call it safely.</summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record ConnectorCapabilities
{
    /// <summary>Gets a value indicating whether the system honours an idempotency key on create, so an unsafe write may be retried. The default value is <see langword="false"/>.</summary>
    public bool SupportsIdempotencyKeys { get; init; }

    /// <summary>Gets a value indicating whether a write can be looked up by our idempotency key, to answer "did it land?" after an unknown outcome. The default value is <see langword="false"/>.</summary>
    public bool CanLookupByIdempotencyKey { get; init; }

    /// <summary>Gets a value indicating whether a record can be looked up by its external id. The default value is <see langword="false"/>.</summary>
    public bool CanLookupByExternalId { get; init; }

    /// <summary>Gets a value indicating whether the system pushes changes through signed webhooks. The default value is <see langword="false"/>.</summary>
    public bool SupportsWebhooks { get; init; }

    /// <summary>Gets the largest page or batch the system accepts; at least 1. The default value is 100.</summary>
    public int MaxBatchSize { get; init; } = 100;

    /// <summary>Gets the vendor's published request rate limit in requests per second, or <see langword="null"/> when none is published. The default value is <see langword="null"/>.</summary>
    public double? RequestsPerSecond { get; init; }
}
