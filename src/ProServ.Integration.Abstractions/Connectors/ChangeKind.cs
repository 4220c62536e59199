namespace ProServ.Integration.Connectors;

/// <summary>Says whether a change created/updated a record or deleted it.</summary>
public enum ChangeKind
{
    /// <summary>The record was created or updated; <see cref="RecordChange{TRecord}.Record"/> holds it.</summary>
    Upsert = 0,

    /// <summary>The record was deleted in the source system (a tombstone); <see cref="RecordChange{TRecord}.Record"/> is <see langword="null"/>.</summary>
    Delete = 1,
}
