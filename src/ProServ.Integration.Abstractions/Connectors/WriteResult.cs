namespace ProServ.Integration.Connectors;

/// <summary>The result of a write: the record's id and version in the target system.</summary>
/// <param name="Outcome">What the write did.</param>
/// <param name="ExternalId">The record's id in the target system.</param>
/// <param name="Version">The record's version or etag after the write, or <see langword="null"/> when the system has none.</param>
public sealed record WriteResult(WriteOutcome Outcome, string ExternalId, string? Version = null);
