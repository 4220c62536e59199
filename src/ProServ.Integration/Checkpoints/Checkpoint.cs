namespace ProServ.Integration.Checkpoints;

/// <summary>Represents the stored position of one sync stream.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Connector">The connector name.</param>
/// <param name="Stream">The stream name within the connector.</param>
/// <param name="Cursor">The opaque cursor after the last record committed downstream.</param>
/// <param name="Version">The optimistic-concurrency version: 1 after the first advance, incremented by every advance.</param>
/// <param name="UpdatedAt">When the cursor last advanced (UTC, millisecond precision).</param>
public sealed record Checkpoint(string Tenant, string Connector, string Stream, string Cursor, long Version, DateTimeOffset UpdatedAt);
