using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Finance;

/// <summary>Represents an active ISO 4217 currency: its three-letter alphabetic code and its number of minor units.</summary>
/// <remarks>
/// <para>Invariants: <see cref="Code"/> is three uppercase ASCII letters listed in the embedded ISO 4217 table, and
/// <see cref="MinorUnits"/> is that currency's exponent (0 for JPY, 2 for USD, 3 for BHD, 4 for CLF). Only
/// <see cref="Parse(string)"/>, <see cref="TryParse(string?, out CurrencyCode)"/> and the static shortcuts create values.</para>
/// <para><c>default(CurrencyCode)</c> is not a currency: <see cref="IsDefault"/> is <see langword="true"/>, <see cref="Code"/>
/// is empty and <see cref="MinorUnits"/> throws. Wire form: the code as a JSON string, for example <c>"USD"</c>.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(CurrencyCodeJsonConverter))]
public readonly record struct CurrencyCode
{
    private readonly string? code;
    private readonly byte minorUnits;

    internal CurrencyCode(string code, byte minorUnits)
    {
        this.code = code;
        this.minorUnits = minorUnits;
    }

    /// <summary>Gets the United States dollar (USD, 2 minor units).</summary>
    public static CurrencyCode Usd => Iso4217.Get("USD");

    /// <summary>Gets the euro (EUR, 2 minor units).</summary>
    public static CurrencyCode Eur => Iso4217.Get("EUR");

    /// <summary>Gets the pound sterling (GBP, 2 minor units).</summary>
    public static CurrencyCode Gbp => Iso4217.Get("GBP");

    /// <summary>Gets the Japanese yen (JPY, 0 minor units).</summary>
    public static CurrencyCode Jpy => Iso4217.Get("JPY");

    /// <summary>Gets the Swiss franc (CHF, 2 minor units).</summary>
    public static CurrencyCode Chf => Iso4217.Get("CHF");

    /// <summary>Gets every currency of the embedded ISO 4217 table, ordered by code.</summary>
    public static IReadOnlyList<CurrencyCode> All => Iso4217.All;

    /// <summary>Gets the three-letter uppercase code, for example <c>USD</c>; empty for <c>default(CurrencyCode)</c>.</summary>
    public string Code => code ?? string.Empty;

    /// <summary>Gets the number of digits after the decimal separator of the currency's minor unit (0 to 4).</summary>
    /// <exception cref="InvalidOperationException">The value is <c>default(CurrencyCode)</c>.</exception>
    public int MinorUnits => code is null
        ? throw new InvalidOperationException("default(CurrencyCode) is not a currency; create currencies with CurrencyCode.Parse.")
        : minorUnits;

    /// <summary>Gets a value indicating whether this is <c>default(CurrencyCode)</c>, which is not a currency.</summary>
    public bool IsDefault => code is null;

    /// <summary>Parses an ISO 4217 code: exactly three uppercase ASCII letters of an active currency.</summary>
    /// <param name="text">The code, for example <c>EUR</c>. Lowercase is rejected.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a known uppercase ISO 4217 code.</exception>
    public static CurrencyCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out var currency)
            ? currency
            : throw new FormatException($"'{text}' is not a known ISO 4217 currency code (three uppercase letters, for example USD).");
    }

    /// <summary>Tries to parse an ISO 4217 code: exactly three uppercase ASCII letters of an active currency.</summary>
    /// <param name="text">The code, for example <c>EUR</c>; <see langword="null"/> and lowercase are rejected.</param>
    /// <param name="currency">The currency, when the code is known; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when the code is known.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out CurrencyCode currency)
    {
        if (text is null)
        {
            currency = default;
            return false;
        }

        return TryParse(text.AsSpan(), out currency);
    }

    /// <summary>Tries to parse an ISO 4217 code from characters, without allocating.</summary>
    /// <param name="text">The code, for example <c>EUR</c>; lowercase is rejected.</param>
    /// <param name="currency">The currency, when the code is known; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when the code is known.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out CurrencyCode currency) => Iso4217.TryGet(text, out currency);

    /// <summary>Returns the three-letter code, for example <c>USD</c>.</summary>
    /// <returns>The code; empty for <c>default(CurrencyCode)</c>.</returns>
    public override string ToString() => Code;
}
