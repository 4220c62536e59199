using System.Globalization;
using System.Text.Json;
using ProServ.Integration.Finance;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>The conversions of the mapping language. Each is invariant-culture and returns an error text instead of throwing.</summary>
internal static class Conversions
{
    private static readonly string[] LineSeparators = ["\r\n", "\n", "\r"];

    public delegate bool Converter(MappedValue input, out MappedValue output, out string? error);

    public static Converter? Create(string name, TimeZoneInfo? zone) => name switch
    {
        "decimal" => ToDecimal,
        "integer" => ToInteger,
        "boolean" => ToBoolean,
        "string" => ToText,
        "date" => (MappedValue input, out MappedValue output, out string? error) => ToDate(input, zone, out output, out error),
        "dateTime" => (MappedValue input, out MappedValue output, out string? error) => ToDateTime(input, zone, out output, out error),
        "currency" => ToCurrency,
        "lines" => ToLines,
        MappingConstants.MinutesToHours => ToHours,
        _ => null,
    };

    public static bool TryDecimal(MappedValue input, out decimal value)
    {
        value = 0;
        if (input.Kind == TargetKind.Any && input.Raw.ValueKind == JsonValueKind.Number)
        {
            return decimal.TryParse(input.Raw.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        if (input.Kind is TargetKind.Number or TargetKind.Integer)
        {
            value = input.Number;
            return true;
        }

        var text = input.AsText();
        return input.Kind != TargetKind.Any || input.Raw.ValueKind == JsonValueKind.String
            ? text is not null && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            : false;
    }

    public static string Describe(MappedValue input) => input.Kind == TargetKind.Any ? input.Raw.GetRawText() : input.AsText() ?? input.Kind.ToString();

    private static bool ToDecimal(MappedValue input, out MappedValue output, out string? error)
    {
        if (TryDecimal(input, out var value))
        {
            output = MappedValue.FromNumber(value, TargetKind.Number);
            error = null;
            return true;
        }

        output = default;
        error = $"{Describe(input)} is not an invariant-culture number (digits, an optional '-' and '.').";
        return false;
    }

    private static bool ToInteger(MappedValue input, out MappedValue output, out string? error)
    {
        if (TryDecimal(input, out var value) && value == decimal.Truncate(value))
        {
            output = MappedValue.FromNumber(decimal.Truncate(value), TargetKind.Integer);
            error = null;
            return true;
        }

        output = default;
        error = $"{Describe(input)} is not a whole number.";
        return false;
    }

    private static bool ToHours(MappedValue input, out MappedValue output, out string? error)
    {
        if (TryDecimal(input, out var minutes))
        {
            output = MappedValue.FromNumber(decimal.Round(minutes / 60m, 2, MidpointRounding.ToEven), TargetKind.Number);
            error = null;
            return true;
        }

        output = default;
        error = $"{Describe(input)} is not a number of minutes.";
        return false;
    }

    private static bool ToBoolean(MappedValue input, out MappedValue output, out string? error)
    {
        error = null;
        if (input.Kind == TargetKind.Any && input.Raw.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            output = MappedValue.FromBoolean(input.Raw.ValueKind == JsonValueKind.True);
            return true;
        }

        switch (input.AsText())
        {
            case "true":
                output = MappedValue.FromBoolean(true);
                return true;
            case "false":
                output = MappedValue.FromBoolean(false);
                return true;
            default:
                output = default;
                error = $"{Describe(input)} is not true or false.";
                return false;
        }
    }

    private static bool ToText(MappedValue input, out MappedValue output, out string? error)
    {
        var text = input.AsText();
        output = text is null ? default : MappedValue.FromString(text);
        error = text is null ? $"{Describe(input)} is not a string, number or boolean." : null;
        return text is not null;
    }

    private static bool ToCurrency(MappedValue input, out MappedValue output, out string? error)
    {
        if (input.AsText() is { } text && CurrencyCode.TryParse(text, out var currency))
        {
            output = MappedValue.FromCurrency(currency);
            error = null;
            return true;
        }

        output = default;
        error = $"{Describe(input)} is not a known uppercase ISO 4217 currency code.";
        return false;
    }

    private static bool ToLines(MappedValue input, out MappedValue output, out string? error)
    {
        if (input.AsText() is not { } text)
        {
            output = default;
            error = $"{Describe(input)} is not a string.";
            return false;
        }

        var lines = text.Split(LineSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var items = new MappedValue[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            items[i] = MappedValue.FromString(lines[i]);
        }

        output = MappedValue.FromArray(items);
        error = null;
        return true;
    }

    private static bool ToDate(MappedValue input, TimeZoneInfo? zone, out MappedValue output, out string? error)
    {
        output = default;
        var text = input.AsText();
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            output = MappedValue.FromDate(date);
            error = null;
            return true;
        }

        if (text is not null && ToDateTime(input, zone, out var instant, out _))
        {
            if (zone is null && HasOffset(text))
            {
                error = $"'{text}' is an instant; give the rule a timeZone to choose its day.";
                return false;
            }

            var local = zone is null ? instant.Instant : TimeZoneInfo.ConvertTime(instant.Instant, zone);
            output = MappedValue.FromDate(DateOnly.FromDateTime(local.DateTime));
            error = null;
            return true;
        }

        error = $"{Describe(input)} is not a date (YYYY-MM-DD) or a date-time.";
        return false;
    }

    private static bool ToDateTime(MappedValue input, TimeZoneInfo? zone, out MappedValue output, out string? error)
    {
        output = default;
        var text = input.AsText();
        if (text is null || text.Length < 11 || text[10] is not ('T' or 't' or ' '))
        {
            error = $"{Describe(input)} is not a date-time (YYYY-MM-DDThh:mm:ss).";
            return false;
        }

        if (HasOffset(text))
        {
            // Salesforce writes offsets without a colon (+0000); RFC 3339 has one.
            var normalized = text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^1]) ? text.Insert(text.Length - 2, ":") : text;
            if (DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                output = MappedValue.FromInstant(instant);
                error = null;
                return true;
            }

            error = $"'{text}' is not a valid date-time.";
            return false;
        }

        if (zone is null)
        {
            error = $"'{text}' has no offset and the rule names no timeZone.";
            return false;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = $"'{text}' is not a valid date-time.";
            return false;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            error = $"'{text}' does not exist in {zone.Id} (a daylight-saving gap).";
            return false;
        }

        output = MappedValue.FromInstant(new DateTimeOffset(local, zone.GetUtcOffset(local)));
        error = null;
        return true;
    }

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        var time = text.AsSpan(11);
        return time.LastIndexOfAny('+', '-') is var sign and >= 0 && time.Length - sign is 5 or 6;
    }
}
