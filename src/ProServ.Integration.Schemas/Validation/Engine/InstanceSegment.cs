using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>One step of the instance path: a property of the tree walk, a property name the single pass read, or an array index.</summary>
internal readonly struct InstanceSegment
{
    /// <summary>The <see cref="Index"/> of a property of the tree walk.</summary>
    public const int TreeProperty = -1;

    /// <summary>The <see cref="Index"/> of a property name the single pass read (a range of the source document).</summary>
    public const int SourceName = -2;

    /// <summary>The <see cref="Index"/> of a property whose JSON Pointer segment is known at compile time (<see cref="Pointer"/>).</summary>
    public const int KnownName = -3;

    public InstanceSegment(string pointer)
    {
        Property = default;
        Index = KnownName;
        Pointer = pointer;
    }

    public InstanceSegment(JsonProperty property)
    {
        Property = property;
        Index = TreeProperty;
    }

    public InstanceSegment(int index)
    {
        Property = default;
        Index = index;
    }

    public InstanceSegment(int nameStart, int nameLength)
    {
        Property = default;
        Index = SourceName;
        NameStart = nameStart;
        NameLength = nameLength;
    }

    public JsonProperty Property { get; }

    /// <summary>Gets the array index, or <see cref="TreeProperty"/> / <see cref="SourceName"/> for a property.</summary>
    public int Index { get; }

    /// <summary>Gets the escaped pointer segment, with its leading '/', for <see cref="KnownName"/>.</summary>
    public string? Pointer { get; }

    /// <summary>Gets where the raw (still escaped) name starts in the source document, for <see cref="SourceName"/>.</summary>
    public int NameStart { get; }

    /// <summary>Gets the raw name's length in bytes, for <see cref="SourceName"/>.</summary>
    public int NameLength { get; }
}
