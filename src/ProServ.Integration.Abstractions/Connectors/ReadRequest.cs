namespace ProServ.Integration.Connectors;

/// <summary>Asks a connector for the changes of one stream since a cursor.</summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record ReadRequest
{
    /// <summary>Gets the tenant the records belong to.</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the cursor returned with the last committed page, or <see langword="null"/> to read from the beginning.</summary>
    public string? Cursor { get; init; }

    /// <summary>Gets the preferred page size, or <see langword="null"/> for the connector's own (bounded by <see cref="ConnectorCapabilities.MaxBatchSize"/>).</summary>
    public int? PageSize { get; init; }

    /// <summary>Gets how far before the cursor's watermark to read again, because vendor clocks and "modified since" filters are not exact; changes already seen are dropped. The default value is 2 minutes.</summary>
    public TimeSpan OverlapWindow { get; init; } = TimeSpan.FromMinutes(2);
}
