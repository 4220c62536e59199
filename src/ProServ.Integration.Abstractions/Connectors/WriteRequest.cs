namespace ProServ.Integration.Connectors;

/// <summary>Asks a connector to create or update one record in its system.</summary>
/// <typeparam name="TRecord">The canonical record type.</typeparam>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record WriteRequest<TRecord>
    where TRecord : class
{
    private static readonly IReadOnlyDictionary<string, string> EmptyRelated = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the tenant the record belongs to.</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the record to write.</summary>
    public required TRecord Record { get; init; }

    /// <summary>Gets the idempotency key: the same key twice must never create two records.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Gets the record's id in the target system when it is known (update), or <see langword="null"/> to create.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Gets the target system's ids of the records this record refers to, keyed by canonical record type (for example <c>client</c> → the customer id a project or invoice belongs to, <c>engagement</c> → the project a milestone belongs to). The default value is empty.</summary>
    /// <remarks>The caller resolves them through the cross-reference store, so a connector never needs one.</remarks>
    public IReadOnlyDictionary<string, string> RelatedExternalIds { get; init; } = EmptyRelated;

    /// <summary>Gets the version the caller last saw, for systems with optimistic concurrency, or <see langword="null"/>.</summary>
    public string? ExpectedVersion { get; init; }
}
