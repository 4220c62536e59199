namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>One difference between two schema versions.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Location">The JSON Pointer of the change in the schema, for example <c>/properties/hours/maximum</c>.</param>
/// <param name="Description">A readable description naming the old and new values.</param>
/// <param name="BreaksBackward">Whether the change stops readers on the new version reading data written under the old one.</param>
/// <param name="BreaksForward">Whether the change stops readers on the old version reading data written under the new one.</param>
public sealed record SchemaChange(SchemaChangeKind Kind, string Location, string Description, bool BreaksBackward, bool BreaksForward);
