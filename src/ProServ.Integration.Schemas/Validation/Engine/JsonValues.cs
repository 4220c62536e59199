using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>Allocation-free reads of instance values: numbers, string lengths, string characters.</summary>
internal static class JsonValues
{
    public const int StackCharLimit = 256;

    private const int DescribeLimit = 80;

    /// <summary>Printable ASCII except the backslash: a raw string made only of these has one code point per byte.</summary>
    private static readonly SearchValues<byte> PlainAscii = SearchValues.Create(
        "\u0020!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    public static bool IsInteger(JsonElement number)
    {
        if (number.TryGetDecimal(out var d))
        {
            return decimal.Truncate(d) == d;
        }

        var x = GetDouble(number);
        return double.IsFinite(x) ? Math.Floor(x) == x : double.IsInfinity(x);
    }

    public static double GetDouble(JsonElement number) =>
        number.TryGetDouble(out var x) ? x : double.Parse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Gets a value indicating whether <paramref name="x"/> is a multiple of <paramref name="divisorDouble"/>, in binary floating point.</summary>
    public static bool IsMultipleOf(double x, double divisorDouble)
    {
        var quotient = x / divisorDouble;
        if (double.IsInfinity(quotient))
        {
            return Math.IEEERemainder(x, divisorDouble) == 0d;
        }

        return Math.Floor(quotient) == quotient;
    }

    /// <summary>Counts the Unicode code points of a string value.</summary>
    public static int CodePointLength(JsonElement text)
    {
        var raw = RawString(text);
        if (raw.IndexOfAnyExcept(PlainAscii) < 0)
        {
            return raw.Length;
        }

        if (raw.IndexOf((byte)'\\') < 0)
        {
            var count = 0;
            foreach (var b in raw)
            {
                if ((b & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }

        var s = text.GetString()!;
        var n = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            n++;
        }

        return n;
    }

    /// <summary>Gets the raw UTF-8 bytes of a string value, without its quotes (escapes still escaped).</summary>
    public static ReadOnlySpan<byte> RawString(JsonElement text)
    {
        var raw = JsonMarshal.GetRawUtf8Value(text);
        return raw[1..^1];
    }

    /// <summary>
    /// Decodes a string value into <paramref name="buffer"/> when it fits, else into a rented array or (escaped values only) a string.
    /// Returns the number of characters; read them with <see cref="Chars"/> and give back <paramref name="rented"/>.
    /// </summary>
    public static int Decode(JsonElement text, Span<char> buffer, out char[]? rented, out string? decoded)
    {
        var raw = RawString(text);
        return DecodeUtf8(raw, buffer, out rented, out decoded, text, isProperty: false, default);
    }

    /// <summary>Decodes a property name like <see cref="Decode(JsonElement, Span{char}, out char[], out string)"/>.</summary>
    public static int DecodeName(JsonProperty property, Span<char> buffer, out char[]? rented, out string? decoded)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return DecodeUtf8(raw, buffer, out rented, out decoded, default, isProperty: true, property);
    }

    public static ReadOnlySpan<char> Chars(Span<char> buffer, int length, char[]? rented, string? decoded) =>
        decoded is not null ? decoded.AsSpan() : rented is not null ? rented.AsSpan(0, length) : buffer[..length];

    public static void Return(char[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int DecodeUtf8(ReadOnlySpan<byte> raw, Span<char> buffer, out char[]? rented, out string? decoded, JsonElement text, bool isProperty, JsonProperty property)
    {
        rented = null;
        decoded = null;
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            decoded = isProperty ? property.Name : text.GetString()!;
            return decoded.Length;
        }

        if (raw.Length <= buffer.Length)
        {
            return Encoding.UTF8.GetChars(raw, buffer);
        }

        rented = ArrayPool<char>.Shared.Rent(raw.Length);
        return Encoding.UTF8.GetChars(raw, rented);
    }

    /// <summary>Describes a value for a message: its JSON text, shortened.</summary>
    public static string Describe(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => value.GetRawText(),
        };
        return text.Length > DescribeLimit ? string.Concat(text.AsSpan(0, DescribeLimit - 3), "...") : text;
    }

    /// <summary>Builds <c>prefix + Describe(value) + suffix</c> (or the whole raw text when not <paramref name="shorten"/>) as one string, reading the value's UTF-8 text without an intermediate string.</summary>
    public static string Message(string prefix, JsonElement value, string suffix, bool shorten = true)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return string.Concat(prefix, Describe(value), suffix);
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        var length = prefix.Length + raw.Length + suffix.Length;

        // A UTF-8 byte never decodes to more than one UTF-16 char, so a short raw value is never shortened by Describe.
        if ((shorten && raw.Length > DescribeLimit) || length > 512)
        {
            return string.Concat(prefix, shorten ? Describe(value) : value.GetRawText(), suffix);
        }

        Span<char> buffer = stackalloc char[length];
        prefix.CopyTo(buffer);
        var at = prefix.Length;
        at += Encoding.UTF8.GetChars(raw, buffer[at..]);
        suffix.CopyTo(buffer[at..]);
        at += suffix.Length;
        return new string(buffer[..at]);
    }

    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsInteger(value) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
