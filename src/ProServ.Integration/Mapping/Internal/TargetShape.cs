namespace ProServ.Integration.Mapping.Internal;

/// <summary>The shape of a target field: its kind, allowed enum values, and for objects and arrays their members.</summary>
internal sealed class TargetShape
{
    public required TargetKind Kind { get; init; }

    public IReadOnlyList<string> EnumValues { get; init; } = [];

    public IReadOnlyDictionary<string, TargetShape> Properties { get; init; } = new Dictionary<string, TargetShape>(StringComparer.Ordinal);

    public IReadOnlyList<string> Required { get; init; } = [];

    public TargetShape? Items { get; init; }

    public override string ToString() => Kind switch
    {
        TargetKind.Enum => "enum (" + string.Join(", ", EnumValues) + ")",
        TargetKind.Array => "array of " + (Items?.ToString() ?? "any"),
        _ => MappingConstants.KindName(Kind),
    };
}
