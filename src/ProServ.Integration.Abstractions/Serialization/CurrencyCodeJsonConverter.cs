using System.Text.Json;
using System.Text.Json.Serialization;
using ProServ.Integration.Finance;

namespace ProServ.Integration.Serialization;

/// <summary>Converts a <see cref="CurrencyCode"/> to and from its wire form, an uppercase ISO 4217 code string such as <c>"USD"</c>.</summary>
/// <remarks>Applied to <see cref="CurrencyCode"/> by attribute. Reading an unknown or lowercase code throws <see cref="JsonException"/>. Thread-safe.</remarks>
public sealed class CurrencyCodeJsonConverter : JsonConverter<CurrencyCode>
{
    /// <inheritdoc/>
    public override CurrencyCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadCurrency(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, CurrencyCode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsDefault)
        {
            throw new JsonException("default(CurrencyCode) is not a currency and cannot be written.");
        }

        writer.WriteStringValue(value.Code);
    }

    internal static CurrencyCode ReadCurrency(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A currency must be a JSON string, not {reader.TokenType}.");
        }

        Span<char> buffer = stackalloc char[8];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length <= buffer.Length && !reader.ValueIsEscaped)
        {
            var written = reader.CopyString(buffer);
            if (CurrencyCode.TryParse(buffer[..written], out var currency))
            {
                return currency;
            }
        }
        else if (CurrencyCode.TryParse(reader.GetString(), out var escaped))
        {
            return escaped;
        }

        throw new JsonException("A currency must be a known uppercase ISO 4217 code, for example \"USD\".");
    }
}
