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
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return CodePointLengthOfUnescaped(raw);
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
    private static int CodePointLengthOfUnescaped(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOfAnyExcept(PlainAscii) < 0)
        {
            return raw.Length;
        }

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

    public static ReadOnlySpan<byte> RawString(JsonElement text)
    {
        var raw = JsonMarshal.GetRawUtf8Value(text);
        return raw[1..^1];
    }

    /// <summary>
    /// Decodes a string value into <paramref name="buffer"/> when it fits, else into a rented array or (escaped values only) a string.
    /// Returns the number of characters; read them with <see cref="Chars(Span{char}, int, char[], string)"/> and give back <paramref name="rented"/>.
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

        return Message(prefix, JsonMarshal.GetRawUtf8Value(value), suffix, shorten);
    }

    /// <summary>Builds "prefix + value + suffix" from a scalar's JSON text, shortening long values as <see cref="Describe"/> does.</summary>
    public static string Message(string prefix, ReadOnlySpan<byte> rawJson, string suffix, bool shorten = true)
    {
        var length = prefix.Length + rawJson.Length + suffix.Length;

        // A UTF-8 byte never decodes to more than one UTF-16 char, so a short raw value is never shortened by Describe.
        if ((shorten && rawJson.Length > DescribeLimit) || length > 512)
        {
            var text = Encoding.UTF8.GetString(rawJson);
            return string.Concat(prefix, shorten && text.Length > DescribeLimit ? string.Concat(text.AsSpan(0, DescribeLimit - 3), "...") : text, suffix);
        }

        Span<char> buffer = stackalloc char[length];
        prefix.CopyTo(buffer);
        var at = prefix.Length;
        at += Encoding.UTF8.GetChars(rawJson, buffer[at..]);
        suffix.CopyTo(buffer[at..]);
        at += suffix.Length;
        return new string(buffer[..at]);
    }

    /// <summary>Parses a JSON number's text as a double (infinite when out of range), as <see cref="GetDouble(JsonElement)"/> does.</summary>
    public static double ParseDouble(ReadOnlySpan<byte> rawNumber) =>
        double.Parse(Encoding.UTF8.GetString(rawNumber), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static bool IsInteger(in ScalarValue number)
    {
        if (number.HasDecimal)
        {
            return decimal.Truncate(number.Decimal) == number.Decimal;
        }

        var x = number.GetDouble();
        return double.IsFinite(x) ? Math.Floor(x) == x : double.IsInfinity(x);
    }

    public static string TypeName(in ScalarValue value) => value.Kind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => IsInteger(value) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    /// <summary>Counts the code points of a string scalar.</summary>
    public static int CodePointLength(in ScalarValue text)
    {
        if (text.Decoded is null)
        {
            return CodePointLengthOfUnescaped(text.RawString);
        }

        var n = 0;
        foreach (var _ in text.Decoded.EnumerateRunes())
        {
            n++;
        }

        return n;
    }

    /// <summary>Gives a string scalar's text as chars: the decoded string, or the raw bytes decoded into <paramref name="buffer"/> (or a rented array).</summary>
    public static ReadOnlySpan<char> Chars(in ScalarValue text, Span<char> buffer, out char[]? rented)
    {
        rented = null;
        if (text.Decoded is not null)
        {
            return text.Decoded;
        }

        var raw = text.RawString;
        if (raw.Length <= buffer.Length)
        {
            return buffer[..Encoding.UTF8.GetChars(raw, buffer)];
        }

        rented = ArrayPool<char>.Shared.Rent(raw.Length);
        return rented.AsSpan(0, Encoding.UTF8.GetChars(raw, rented));
    }

    /// <summary>Unescapes a raw JSON string's content (between the quotes); used on error paths only.</summary>
    public static string Unescape(ReadOnlySpan<byte> rawContent)
    {
        var quoted = new byte[rawContent.Length + 2];
        quoted[0] = (byte)'"';
        rawContent.CopyTo(quoted.AsSpan(1));
        quoted[^1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
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
