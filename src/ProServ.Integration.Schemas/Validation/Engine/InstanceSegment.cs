using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>One step of the instance path being evaluated: a property, or an array index when <see cref="Index"/> is not negative.</summary>
internal readonly struct InstanceSegment
{
    public InstanceSegment(JsonProperty property)
    {
        Property = property;
        Index = -1;
    }

    public InstanceSegment(int index)
    {
        Property = default;
        Index = index;
    }

    public JsonProperty Property { get; }

    public int Index { get; }
}
