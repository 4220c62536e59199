using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// A string, number, boolean or null instance seen either through a <see cref="JsonElement"/> (the tree walk) or at a
/// <see cref="Utf8JsonReader"/> token (the single pass), so that scalar keywords check both with the same code.
/// </summary>
internal readonly ref struct ScalarValue
{
    private readonly JsonElement _element;

    private ScalarValue(JsonValueKind kind, ReadOnlySpan<byte> rawJson, JsonElement element, bool hasDecimal, decimal value, string? decoded)
    {
        Kind = kind;
        RawJson = rawJson;
        _element = element;
        HasDecimal = hasDecimal;
        Decimal = value;
        Decoded = decoded;
    }

    /// <summary>Gets the kind: String, Number, True, False or Null.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>Gets the value's JSON text as written in the document (a string with its quotes and escapes).</summary>
    public ReadOnlySpan<byte> RawJson { get; }

    /// <summary>Gets a string's content as written (between the quotes, escapes kept).</summary>
    public ReadOnlySpan<byte> RawString => RawJson[1..^1];

    /// <summary>Gets the unescaped string when the raw string holds escapes; otherwise null (the raw bytes are the text).</summary>
    public string? Decoded { get; }

    /// <summary>Gets a value indicating whether the number fits a decimal (<see cref="Decimal"/> is then set).</summary>
    public bool HasDecimal { get; }

    /// <summary>Gets the number as a decimal when <see cref="HasDecimal"/>.</summary>
    public decimal Decimal { get; }

    /// <summary>Gets the number as a double (parsed on demand for the tree walk).</summary>
    public double GetDouble()
    {
        if (_element.ValueKind == JsonValueKind.Number)
        {
            return JsonValues.GetDouble(_element);
        }

        // As Utf8JsonReader.TryGetDouble reads it, and like JsonValues.GetDouble past the double range.
        return Utf8Parser.TryParse(RawJson, out double x, out var consumed) && consumed == RawJson.Length && double.IsFinite(x)
            ? x
            : JsonValues.ParseDouble(RawJson);
    }

    /// <summary>Wraps a number element of the tree walk.</summary>
    public static ScalarValue FromNumber(JsonElement number)
    {
        var hasDecimal = number.TryGetDecimal(out var value);
        return new ScalarValue(JsonValueKind.Number, JsonMarshal.GetRawUtf8Value(number), number, hasDecimal, value, null);
    }

    /// <summary>Reads the scalar token the reader is on; <paramref name="source"/> is the whole document the reader reads.</summary>
    public static ScalarValue FromToken(ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var length = reader.ValueSpan.Length + 2;
                var raw = source.Slice((int)reader.TokenStartIndex, length);
                return new ScalarValue(JsonValueKind.String, raw, default, false, 0m, reader.ValueIsEscaped ? reader.GetString() : null);
            case JsonTokenType.Number:
                var hasDecimal = reader.TryGetDecimal(out var value);
                return new ScalarValue(JsonValueKind.Number, reader.ValueSpan, default, hasDecimal, value, null);
            case JsonTokenType.True:
                return new ScalarValue(JsonValueKind.True, reader.ValueSpan, default, false, 0m, null);
            case JsonTokenType.False:
                return new ScalarValue(JsonValueKind.False, reader.ValueSpan, default, false, 0m, null);
            default:
                return new ScalarValue(JsonValueKind.Null, reader.ValueSpan, default, false, 0m, null);
        }
    }
}
