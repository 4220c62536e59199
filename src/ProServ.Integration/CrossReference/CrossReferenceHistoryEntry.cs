namespace ProServ.Integration.CrossReference;

/// <summary>Represents one rekey or merge, kept so that audits can follow a record across id changes.</summary>
/// <param name="Kind">The kind of change.</param>
/// <param name="RecordType">The canonical record type name.</param>
/// <param name="CanonicalId">For a rekey, the record's canonical id; for a merge, the loser's canonical id.</param>
/// <param name="SurvivorCanonicalId">For a merge, the survivor's canonical id; otherwise <see langword="null"/>.</param>
/// <param name="System">For a rekey, the system that changed the id; otherwise <see langword="null"/>.</param>
/// <param name="OldExternalId">For a rekey, the previous id; otherwise <see langword="null"/>.</param>
/// <param name="NewExternalId">For a rekey, the new id; otherwise <see langword="null"/>.</param>
/// <param name="OccurredAt">When the change was recorded (UTC, millisecond precision).</param>
public sealed record CrossReferenceHistoryEntry(
    CrossReferenceChangeKind Kind,
    string RecordType,
    Guid CanonicalId,
    Guid? SurvivorCanonicalId,
    string? System,
    string? OldExternalId,
    string? NewExternalId,
    DateTimeOffset OccurredAt);
