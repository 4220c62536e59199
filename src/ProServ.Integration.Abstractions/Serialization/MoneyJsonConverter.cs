using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProServ.Integration.Finance;

namespace ProServ.Integration.Serialization;

/// <summary>Converts <see cref="Money"/> to and from <c>{"amount":"1234.50","currency":"USD"}</c>.</summary>
/// <remarks>
/// The amount is a JSON string matching <c>^-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,10})?$</c>, so no JSON tool reads it as a binary
/// float; it is written with its scale kept (<c>1234.50</c> stays <c>1234.50</c>). Both properties are required, no other
/// property is allowed, and an amount given as a JSON number is an error. Every malformed input throws <see cref="JsonException"/>.
/// Thread-safe.
/// </remarks>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    private const int MaxAmountLength = 1 + Money.MaxIntegerDigits + 1 + Money.MaxFractionalDigits;

    /// <inheritdoc/>
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Money must be a JSON object {{\"amount\":\"...\",\"currency\":\"...\"}}, not {reader.TokenType}.");
        }

        decimal? amount = null;
        CurrencyCode? currency = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("amount"u8))
            {
                EnsureFirst(amount.HasValue, "amount");
                reader.Read();
                amount = ReadAmount(ref reader);
            }
            else if (reader.ValueTextEquals("currency"u8))
            {
                EnsureFirst(currency.HasValue, "currency");
                reader.Read();
                currency = CurrencyCodeJsonConverter.ReadCurrency(ref reader);
            }
            else
            {
                throw new JsonException($"Money has only 'amount' and 'currency'; '{reader.GetString()}' is not allowed.");
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || amount is null || currency is null)
        {
            throw new JsonException("Money requires both 'amount' and 'currency'.");
        }

        return Money.Of(amount.Value, currency.Value);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Currency.IsDefault)
        {
            throw new JsonException("default(Money) has no currency and cannot be written.");
        }

        Span<char> buffer = stackalloc char[64];
        if (!value.Amount.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new JsonException("The amount could not be formatted.");
        }

        writer.WriteStartObject();
        writer.WriteString("amount"u8, buffer[..written]);
        writer.WriteString("currency"u8, value.Currency.Code);
        writer.WriteEndObject();
    }

    internal static bool IsWellFormedAmount(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integerDigits = i - integerStart;
        if (integerDigits is 0 or > Money.MaxIntegerDigits || (integerDigits > 1 && text[integerStart] == '0'))
        {
            return false;
        }

        if (i == text.Length)
        {
            return true;
        }

        if (text[i] != '.')
        {
            return false;
        }

        var fractionStart = ++i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var fractionDigits = i - fractionStart;
        return i == text.Length && fractionDigits is >= 1 and <= Money.MaxFractionalDigits;
    }

    private static decimal ReadAmount(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A money amount must be a JSON string such as \"1234.50\", not {reader.TokenType}.");
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxAmountLength * 6)
        {
            throw new JsonException("A money amount has at most 18 integer and 10 fractional digits.");
        }

        Span<char> buffer = stackalloc char[MaxAmountLength * 6];
        var written = reader.CopyString(buffer);
        var text = buffer[..written];
        if (!IsWellFormedAmount(text))
        {
            throw new JsonException($"'{text}' is not a money amount: expected an invariant decimal such as \"1234.50\" (pattern ^-?(0|[1-9][0-9]{{0,17}})(\\.[0-9]{{1,10}})?$).");
        }

        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static void EnsureFirst(bool seen, string name)
    {
        if (seen)
        {
            throw new JsonException($"Money has a duplicate '{name}'.");
        }
    }
}
