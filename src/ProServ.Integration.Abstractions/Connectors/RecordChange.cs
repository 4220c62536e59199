namespace ProServ.Integration.Connectors;

/// <summary>One change read from a source system: an upserted record or a tombstone.</summary>
/// <typeparam name="TRecord">The canonical record type.</typeparam>
/// <param name="Kind">Whether the record was upserted or deleted.</param>
/// <param name="ExternalId">The record's id in the source system.</param>
/// <param name="Version">The source system's version or etag of the change, or <see langword="null"/> when the system has none; compared ordinally.</param>
/// <param name="ModifiedAt">When the source system says the change happened.</param>
/// <param name="Record">The record mapped to the canonical model, or <see langword="null"/> for a tombstone.</param>
public sealed record RecordChange<TRecord>(ChangeKind Kind, string ExternalId, string? Version, DateTimeOffset ModifiedAt, TRecord? Record)
    where TRecord : class;
