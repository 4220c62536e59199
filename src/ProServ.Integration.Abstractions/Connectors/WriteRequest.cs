namespace ProServ.Integration.Connectors;

/// <summary>Asks a connector to create or update one record in its system.</summary>
/// <typeparam name="TRecord">The canonical record type.</typeparam>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record WriteRequest<TRecord>
    where TRecord : class
{
    /// <summary>Gets the tenant the record belongs to.</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the record to write.</summary>
    public required TRecord Record { get; init; }

    /// <summary>Gets the idempotency key: the same key twice must never create two records.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the record's id in the target system when it is known (update), or <see langword="null"/> to create.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the version the caller last saw, for systems with optimistic concurrency, or <see langword="null"/>.</summary>
    public string? ExpectedVersion { get; init; }
}
