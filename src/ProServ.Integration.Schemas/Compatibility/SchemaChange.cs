namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>One difference between two schema versions.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Location">The JSON Pointer of the change in the schema, for example <c>/properties/hours/maximum</c>; empty for the root.
/// A change found by following a <c>$ref</c> is located through it, for example <c>/properties/amount/$ref/type</c>.</param>
/// <param name="Description">A readable description naming the old and new values.</param>
/// <param name="BreaksBackward">Whether the change stops readers on the new version reading data written under the old one.</param>
/// <param name="BreaksForward">Whether the change stops readers on the old version reading data written under the new one.</param>
public sealed record SchemaChange(SchemaChangeKind Kind, string Location, string Description, bool BreaksBackward, bool BreaksForward)
{
    /// <summary>Gets the effect label: <c>BREAKS-BOTH</c>, <c>BREAKS-BACKWARD</c>, <c>BREAKS-FORWARD</c> or <c>COMPATIBLE</c>.</summary>
    public string Effect => (BreaksBackward, BreaksForward) switch
    {
        (true, true) => "BREAKS-BOTH",
        (true, false) => "BREAKS-BACKWARD",
        (false, true) => "BREAKS-FORWARD",
        _ => "COMPATIBLE",
    };

    /// <summary>Returns one line: the effect, the location and the description, for example
    /// <c>BREAKS-BACKWARD /properties/x: required added 'x'</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Effect} {(Location.Length == 0 ? "(root)" : Location)}: {Description}";
}
