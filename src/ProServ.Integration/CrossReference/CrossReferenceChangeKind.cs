namespace ProServ.Integration.CrossReference;

/// <summary>Specifies the kind of a cross-reference history entry.</summary>
public enum CrossReferenceChangeKind
{
    /// <summary>A source system changed a record's id.</summary>
    Rekeyed = 1,

    /// <summary>A record was merged into another; its links moved to the survivor.</summary>
    Merged = 2,
}
