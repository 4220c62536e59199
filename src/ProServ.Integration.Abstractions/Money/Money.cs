using System.Globalization;
using System.Text.Json.Serialization;
using ProServ.Integration.Errors;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Finance;

/// <summary>Represents an exact amount of money in one ISO 4217 currency.</summary>
/// <remarks>
/// <para>Invariants: <see cref="Amount"/> is a <see cref="decimal"/> (never a binary floating-point number) with at most
/// 18 integer digits and at most 10 fractional digits, and <see cref="Currency"/> is a known currency. The scale of the
/// amount is kept as given, so <c>1234.50</c> stays <c>1234.50</c>; equality compares the numeric value, so
/// <c>1234.5 USD == 1234.50 USD</c>. Negative zero is normalized to zero.</para>
/// <para>Arithmetic and comparison only combine amounts of one currency; mixing currencies throws an
/// <see cref="IntegrationException"/> with code <see cref="ModelErrorCodes.MoneyCurrencyMismatch"/>. Results are not
/// rounded to minor units: call <see cref="Round"/> where a booked amount is needed.</para>
/// <para>Wire form: <c>{"amount":"1234.50","currency":"USD"}</c>, the amount a JSON string holding an invariant decimal.</para>
/// <para><c>default(Money)</c> has no currency and is not a valid amount. Immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly partial record struct Money : IComparable<Money>
{
    /// <summary>The largest number of fractional digits an amount may have.</summary>
    public const int MaxFractionalDigits = 10;

    /// <summary>The largest number of integer digits an amount may have.</summary>
    public const int MaxIntegerDigits = 18;

    private const decimal IntegerLimit = 1_000_000_000_000_000_000m;

    private static readonly decimal[] PowersOfTen = [1m, 10m, 100m, 1_000m, 10_000m];

    private Money(decimal amount, CurrencyCode currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>Gets the amount, in units of <see cref="Currency"/> (not minor units).</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency of the amount.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>Gets a value indicating whether the amount has no more fractional digits than the currency's minor units.</summary>
    public bool IsRoundedToMinorUnits => decimal.Round(Amount, Currency.MinorUnits) == Amount;

    /// <summary>Gets a value indicating whether the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>Gets a value indicating whether the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary>Creates an amount of money, keeping the scale of <paramref name="amount"/>.</summary>
    /// <param name="amount">The amount in currency units, for example <c>1234.50m</c>.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount of money.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(CurrencyCode)</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> has more than 18 integer or 10 fractional digits.</exception>
    public static Money Of(decimal amount, CurrencyCode currency)
    {
        EnsureCurrency(currency);
        if (!IsInRange(amount))
        {
            throw new ArgumentOutOfRangeException(
                nameof(amount),
                amount,
                "An amount has at most 18 integer digits and 10 fractional digits.");
        }

        return new Money(NormalizeZero(amount), currency);
    }

    /// <summary>Creates zero in a currency, with the currency's minor units as scale (for example <c>0.00</c>).</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(CurrencyCode)</c>.</exception>
    public static Money Zero(CurrencyCode currency)
    {
        EnsureCurrency(currency);
        return new Money(WithScale(0m, currency.MinorUnits), currency);
    }

    /// <summary>Creates an amount from a whole number of minor units, for example 123450 cents.</summary>
    /// <param name="minorUnits">The amount in minor units of <paramref name="currency"/>.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount, with the currency's minor units as scale.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is <c>default(CurrencyCode)</c>.</exception>
    /// <exception cref="IntegrationException">The amount has more than 18 integer digits (code <see cref="ModelErrorCodes.MoneyOutOfRange"/>).</exception>
    public static Money FromMinorUnits(long minorUnits, CurrencyCode currency)
    {
        EnsureCurrency(currency);
        var digits = currency.MinorUnits;
        return Create(WithScale(minorUnits / PowersOfTen[digits], digits), currency);
    }

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="IntegrationException">The currencies differ, or the sum is out of range.</exception>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Subtracts an amount from another of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="IntegrationException">The currencies differ, or the difference is out of range.</exception>
    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The amount with the opposite sign.</returns>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>Multiplies an amount by a factor, for example hours by an hourly rate.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The factor.</param>
    /// <returns>The product, rounded half to even to 10 fractional digits; not rounded to minor units.</returns>
    /// <exception cref="IntegrationException">The product is out of range (code <see cref="ModelErrorCodes.MoneyOutOfRange"/>).</exception>
    public static Money operator *(Money left, decimal right) => left.Multiply(right);

    /// <summary>Multiplies an amount by a factor, for example hours by an hourly rate.</summary>
    /// <param name="left">The factor.</param>
    /// <param name="right">The amount.</param>
    /// <returns>The product, rounded half to even to 10 fractional digits; not rounded to minor units.</returns>
    /// <exception cref="IntegrationException">The product is out of range (code <see cref="ModelErrorCodes.MoneyOutOfRange"/>).</exception>
    public static Money operator *(decimal left, Money right) => right.Multiply(left);

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is less than <paramref name="right"/>.</returns>
    /// <exception cref="IntegrationException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is greater than <paramref name="right"/>.</returns>
    /// <exception cref="IntegrationException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is less than or equal to <paramref name="right"/>.</returns>
    /// <exception cref="IntegrationException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is greater than or equal to <paramref name="right"/>.</returns>
    /// <exception cref="IntegrationException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Adds an amount of the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="IntegrationException">The currencies differ, or the sum is out of range.</exception>
    public Money Add(Money other)
    {
        EnsureSameCurrency(this, other);
        return Create(Amount + other.Amount, Currency);
    }

    /// <summary>Subtracts an amount of the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="IntegrationException">The currencies differ, or the difference is out of range.</exception>
    public Money Subtract(Money other)
    {
        EnsureSameCurrency(this, other);
        return Create(Amount - other.Amount, Currency);
    }

    /// <summary>Negates the amount.</summary>
    /// <returns>The amount with the opposite sign.</returns>
    public Money Negate() => new(NormalizeZero(-Amount), Currency);

    /// <summary>Multiplies the amount by a factor.</summary>
    /// <param name="factor">The factor, for example a quantity of hours.</param>
    /// <returns>The product, rounded half to even to 10 fractional digits; not rounded to minor units.</returns>
    /// <exception cref="IntegrationException">The product is out of range (code <see cref="ModelErrorCodes.MoneyOutOfRange"/>).</exception>
    public Money Multiply(decimal factor)
    {
        decimal product;
        try
        {
            product = Amount * factor;
        }
        catch (OverflowException ex)
        {
            throw OutOfRange(ex);
        }

        if (product.Scale > MaxFractionalDigits)
        {
            product = decimal.Round(product, MaxFractionalDigits, MidpointRounding.ToEven);
        }

        return Create(product, Currency);
    }

    /// <summary>Rounds the amount to the currency's minor units (2 for USD, 0 for JPY, 3 for BHD).</summary>
    /// <param name="mode">The midpoint rounding rule. The default value is <see cref="MidpointRounding.ToEven"/> (banker's rounding).</param>
    /// <returns>The rounded amount, with exactly the currency's minor units as scale (for example <c>10.50</c>).</returns>
    public Money Round(MidpointRounding mode = MidpointRounding.ToEven)
    {
        var digits = Currency.MinorUnits;
        return new Money(NormalizeZero(WithScale(decimal.Round(Amount, digits, mode), digits)), Currency);
    }

    /// <summary>Converts the amount to a whole number of minor units, for example 1234.50 USD to 123450.</summary>
    /// <returns>The amount in minor units.</returns>
    /// <exception cref="IntegrationException">The amount is not rounded to minor units (code <see cref="ModelErrorCodes.MoneyNotRounded"/>),
    /// or does not fit in a <see cref="long"/> (code <see cref="ModelErrorCodes.MoneyOutOfRange"/>).</exception>
    public long ToMinorUnits()
    {
        if (!IsRoundedToMinorUnits)
        {
            throw new IntegrationException(
                ModelErrorCodes.MoneyNotRounded,
                $"{this} is not rounded to the {Currency.MinorUnits} minor units of {Currency}; call Round first.");
        }

        var units = Amount * PowersOfTen[Currency.MinorUnits];
        return units is >= long.MinValue and <= long.MaxValue ? (long)units : throw OutOfRange(null);
    }

    /// <summary>Compares with an amount of the same currency.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>A negative number, zero or a positive number when this amount is less than, equal to or greater than <paramref name="other"/>.</returns>
    /// <exception cref="IntegrationException">The currencies differ (code <see cref="ModelErrorCodes.MoneyCurrencyMismatch"/>).</exception>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Returns the amount and the currency, for example <c>1234.50 USD</c>, formatted with the invariant culture.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    internal static bool IsInRange(decimal amount) =>
        amount.Scale <= MaxFractionalDigits && amount > -IntegerLimit && amount < IntegerLimit;

    internal static Money Create(decimal amount, CurrencyCode currency) =>
        IsInRange(amount) ? new Money(NormalizeZero(amount), currency) : throw OutOfRange(null);

    private static decimal WithScale(decimal value, int scale) =>
        value.Scale >= scale ? value : value + new decimal(0, 0, 0, isNegative: false, (byte)scale);

    private static decimal NormalizeZero(decimal value) =>
        value == 0m ? new decimal(0, 0, 0, isNegative: false, value.Scale) : value;

    private static void EnsureCurrency(CurrencyCode currency)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("default(CurrencyCode) is not a currency; create currencies with CurrencyCode.Parse.", nameof(currency));
        }
    }

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new IntegrationException(
                ModelErrorCodes.MoneyCurrencyMismatch,
                $"Cannot combine {left.Currency} and {right.Currency} amounts; convert one currency first.");
        }
    }

    private static IntegrationException OutOfRange(Exception? inner) =>
        new(ModelErrorCodes.MoneyOutOfRange, "The amount exceeds 18 integer digits.", isTransient: false, inner);
}
