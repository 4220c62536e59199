namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>The result of comparing two schema versions.</summary>
public sealed class CompatibilityReport
{
    private CompatibilityReport()
    {
    }

    /// <summary>Gets every change, in schema order.</summary>
    public IReadOnlyList<SchemaChange> Changes => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets the compatibility level: full, backward, forward or none.</summary>
    public CompatibilityLevel Level => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets a value indicating whether any change breaks readers or writers.</summary>
    public bool IsBreaking => Level != CompatibilityLevel.Full;
}
