using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProServ.Integration.Serialization;

/// <summary>Reads and writes instants as RFC 3339 date-times with an explicit offset, for example <c>2026-03-14T09:30:00+01:00</c>.</summary>
/// <remarks>System.Text.Json alone accepts a date-time without an offset and silently applies the machine's local offset;
/// the canonical model rejects it. Written with the offset kept and up to 7 fractional digits, so round trips are lossless.</remarks>
internal sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const int MinLength = 20; // yyyy-MM-ddTHH:mm:ssZ

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"An instant must be an RFC 3339 date-time string, not {reader.TokenType}.");
        }

        // An escaped string is the same JSON value (default System.Text.Json writers send '+' as \u002B): read it unescaped.
        Span<char> buffer = stackalloc char[64];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > (reader.ValueIsEscaped ? buffer.Length * 6 : buffer.Length))
        {
            throw Invalid();
        }

        ReadOnlySpan<char> text = reader.ValueIsEscaped ? reader.GetString() : buffer[..reader.CopyString(buffer)];
        if (text.Length < MinLength || text[10] != 'T' || !HasOffset(text) || !reader.TryGetDateTimeOffset(out var value))
        {
            throw Invalid();
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        if (text[^1] == 'Z')
        {
            return true;
        }

        var sign = text[^6];
        return (sign == '+' || sign == '-') && text[^3] == ':';
    }

    private static JsonException Invalid() =>
        new("An instant must be an RFC 3339 date-time with an offset, for example \"2026-03-14T09:30:00Z\" or \"2026-03-14T09:30:00+01:00\".");
}
