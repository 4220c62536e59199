using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Holds a lifecycle or category value that may be one this version does not know, keeping the raw wire value.</summary>
/// <typeparam name="TEnum">The enum of known values; its zero member means unknown.</typeparam>
/// <remarks>
/// <para>A known value has <see cref="IsKnown"/> <see langword="true"/>, <see cref="Value"/> set and <see cref="RawValue"/>
/// equal to the member's kebab-case wire name (<c>ClosedWon</c> is <c>closed-won</c>). A value another system sent that
/// this version does not know has <see cref="IsKnown"/> <see langword="false"/>, <see cref="Value"/> equal to the zero
/// member and <see cref="RawValue"/> holding the text exactly as received; writing it back emits that text unchanged.</para>
/// <para>Compare with a known member directly (<c>entry.Status == TimeEntryStatus.Approved</c>) or pattern-match on
/// <see cref="Value"/>. <c>default</c> is unknown with an empty raw value and cannot be written.</para>
/// <para>Wire form: a JSON string of 1 to 64 characters. Immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(OpenEnumJsonConverterFactory))]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "An open enum is the established name for an enum that keeps unknown values.")]
public readonly record struct OpenEnum<TEnum>
    where TEnum : struct, Enum
{
    private readonly string? unknownRaw;

    internal OpenEnum(TEnum value, string? unknownRaw)
    {
        Value = value;
        this.unknownRaw = unknownRaw;
    }

    /// <summary>Gets the known value, or the zero (unknown) member when the value is not known.</summary>
    public TEnum Value { get; }

    /// <summary>Gets a value indicating whether the value is a known member of <typeparamref name="TEnum"/>.</summary>
    public bool IsKnown => unknownRaw is null && OpenEnumTable<TEnum>.IsNamed(Value);

    /// <summary>Gets the wire value: the kebab-case member name when known, the received text when unknown, empty for <c>default</c>.</summary>
    public string RawValue => unknownRaw ?? (OpenEnumTable<TEnum>.TryGetName(Value, out var name) ? name : string.Empty);

    /// <summary>Converts a known member to an open value.</summary>
    /// <param name="value">The member. The zero member or an undefined number yields <c>default</c> (unknown, not writable).</param>
    public static implicit operator OpenEnum<TEnum>(TEnum value) =>
        OpenEnumTable<TEnum>.IsNamed(value) ? new OpenEnum<TEnum>(value, null) : default;

    /// <summary>Returns the wire value, see <see cref="RawValue"/>.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => RawValue;
}
