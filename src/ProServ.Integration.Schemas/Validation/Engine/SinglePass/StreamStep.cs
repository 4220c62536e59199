namespace ProServ.Integration.Schemas.Validation.Engine.SinglePass;

/// <summary>
/// A keyword the single pass runs at one instance location: the keyword, the <c>$ref</c> segments that lead to it from
/// the schema object being applied (empty for the object's own keywords), its place in schema order, and for
/// <c>required</c> the slot of its bit mask.
/// </summary>
internal sealed record StreamStep(Keyword Keyword, string[] Prefix, int Order, int Slot = -1);
