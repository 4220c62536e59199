namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>The kinds of change the compatibility checker recognises.</summary>
public enum SchemaChangeKind
{
    /// <summary>A change the checker cannot classify precisely; reported as breaking both ways.</summary>
    Other = 0,
}
