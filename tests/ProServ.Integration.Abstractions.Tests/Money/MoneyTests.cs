using FsCheck;
using FsCheck.Fluent;
using ProServ.Integration.Errors;
using ProServ.Integration.Finance;

namespace ProServ.Integration.Abstractions.Tests.Finance;

public sealed class MoneyTests
{
    private static readonly CurrencyCode Usd = CurrencyCode.Usd;
    private static readonly decimal[] Pow10 = [1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m];
    private static readonly string[] CurrencyCodes = ["USD", "JPY", "BHD", "CLF", "EUR"];

    private static Config Quick(int maxTest = 300) => Config.QuickThrowOnFailure.WithMaxTest(maxTest);

    // Amounts up to ~10^15 with 0..6 fractional digits, either sign.
    private static Gen<decimal> Amounts =>
        from high in Gen.Choose(-1_000_000_000, 1_000_000_000)
        from low in Gen.Choose(0, 999_999)
        from scale in Gen.Choose(0, 6)
        select ((high * 1_000_000m) + low) / Pow10[scale];

    private static Gen<CurrencyCode> CurrencyGen => Gen.Elements(CurrencyCodes).Select(CurrencyCode.Parse);

    [Fact]
    public void AddThenSubtract_AnyAmounts_ReturnsOriginal()
    {
        var gen = from a in Amounts from b in Amounts from c in CurrencyGen select (a, b, c);
        Check.One(Quick(), Prop.ForAll(Arb.From(gen), t =>
        {
            var a = Money.Of(t.a, t.c);
            var b = Money.Of(t.b, t.c);
            return a + b - b == a && a - b + b == a && -(-a) == a && a + Money.Zero(t.c) == a;
        }));
    }

    [Fact]
    public void Allocate_AnyRatios_PartsSumExactlyAndStayWithinOneMinorUnitOfExactShare()
    {
        var gen = from amount in Amounts
                  from currency in CurrencyGen
                  from ratios in Gen.ListOf(Gen.Choose(0, 1000)).Where(r => r.Count > 0 && r.Sum() > 0)
                  select (amount, currency, ratios: ratios.Select(r => (decimal)r).ToArray());
        Check.One(Quick(), Prop.ForAll(Arb.From(gen), t =>
        {
            var money = Money.Of(t.amount, t.currency);
            var parts = money.Allocate(t.ratios);
            var rounded = money.Round();
            var unit = 1m / Pow10[t.currency.MinorUnits];
            var sum = t.ratios.Sum();
            var ok = parts.Count == t.ratios.Length && parts.Aggregate(Money.Zero(t.currency), (s, p) => s + p) == rounded;
            for (var i = 0; i < parts.Count; i++)
            {
                var exact = rounded.Amount * t.ratios[i] / sum;
                ok &= parts[i].IsRoundedToMinorUnits && Math.Abs(parts[i].Amount - exact) < unit;
                ok &= t.ratios[i] != 0m || parts[i].IsZero;
            }

            return ok;
        }));
    }

    [Fact]
    public void Split_PartsFrom1To1000_PartsSumExactlyAndDifferByAtMostOneMinorUnit()
    {
        var gen = from amount in Amounts from currency in CurrencyGen from parts in Gen.Choose(1, 1000) select (amount, currency, parts);
        Check.One(Quick(200), Prop.ForAll(Arb.From(gen), t =>
        {
            var money = Money.Of(t.amount, t.currency);
            var parts = money.Split(t.parts);
            var unit = 1m / Pow10[t.currency.MinorUnits];
            var total = parts.Aggregate(Money.Zero(t.currency), (s, p) => s + p);
            var max = parts.Max(p => p.Amount);
            var min = parts.Min(p => p.Amount);
            return parts.Count == t.parts && total == money.Round() && max - min <= unit;
        }));
    }

    [Fact]
    public void Split_FiveCentsIntoThree_GivesLargerPartsFirst()
    {
        var parts = Money.Of(0.05m, Usd).Split(3);

        Assert.Equal([0.02m, 0.02m, 0.01m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_HundredBy503020_GivesExactShares()
    {
        var parts = Money.Of(100m, Usd).Allocate([50m, 30m, 20m]);

        Assert.Equal(["50.00", "30.00", "20.00"], parts.Select(p => p.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), StringComparer.Ordinal);
    }

    [Fact]
    public void Allocate_RemainderTies_GoToLowerIndex()
    {
        var parts = Money.Of(0.10m, Usd).Allocate([1m, 1m, 1m]);

        Assert.Equal([0.04m, 0.03m, 0.03m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_NegativeAmount_NegatesTheAllocationOfTheAbsoluteValue()
    {
        var parts = Money.Of(-10m, Usd).Allocate([1m, 2m]);

        Assert.Equal([-3.33m, -6.67m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_UnroundedAmount_AllocatesTheRoundedAmount()
    {
        var parts = Money.Of(10.005m, Usd).Allocate([1m, 1m]);

        Assert.Equal(10.00m, parts.Sum(p => p.Amount));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0d, 0d })]
    [InlineData(new[] { 1d, -1d })]
    public void Allocate_InvalidRatios_ThrowsArgumentException(double[] ratios)
    {
        var money = Money.Of(10m, Usd);

        Assert.Throws<ArgumentException>(() => money.Allocate([.. ratios.Select(r => (decimal)r)]));
    }

    [Fact]
    public void Split_ZeroParts_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(10m, Usd).Split(0));
    }

    [Theory]
    [InlineData("2.345", "USD", MidpointRounding.ToEven, "2.34")]
    [InlineData("2.345", "USD", MidpointRounding.AwayFromZero, "2.35")]
    [InlineData("2.355", "USD", MidpointRounding.ToEven, "2.36")]
    [InlineData("-2.345", "USD", MidpointRounding.AwayFromZero, "-2.35")]
    [InlineData("-2.345", "USD", MidpointRounding.ToEven, "-2.34")]
    [InlineData("0.5", "JPY", MidpointRounding.ToEven, "0")]
    [InlineData("1.5", "JPY", MidpointRounding.ToEven, "2")]
    [InlineData("0.5", "JPY", MidpointRounding.AwayFromZero, "1")]
    [InlineData("1.2345", "BHD", MidpointRounding.ToEven, "1.234")]
    [InlineData("1.2355", "BHD", MidpointRounding.ToEven, "1.236")]
    [InlineData("1.5", "USD", MidpointRounding.ToEven, "1.50")]
    [InlineData("7", "BHD", MidpointRounding.ToEven, "7.000")]
    [InlineData("1.23456", "CLF", MidpointRounding.ToEven, "1.2346")]
    [InlineData("-0.001", "USD", MidpointRounding.ToEven, "0.00")]
    public void Round_Examples_RoundToMinorUnitsWithExactScale(string amount, string currency, MidpointRounding mode, string expected)
    {
        var money = Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), CurrencyCode.Parse(currency));

        var rounded = money.Round(mode);

        Assert.Equal(expected, rounded.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(rounded.IsRoundedToMinorUnits);
    }

    [Fact]
    public void Round_DefaultMode_IsHalfToEven()
    {
        Assert.Equal(Money.Of(0.12m, Usd), Money.Of(0.125m, Usd).Round());
    }

    [Fact]
    public void Operators_DifferentCurrencies_ThrowCurrencyMismatch()
    {
        var usd = Money.Of(1m, Usd);
        var eur = Money.Of(1m, CurrencyCode.Eur);

        Assert.Equal(ModelErrorCodes.MoneyCurrencyMismatch, Assert.Throws<IntegrationException>(() => usd + eur).ErrorCode);
        Assert.Equal(ModelErrorCodes.MoneyCurrencyMismatch, Assert.Throws<IntegrationException>(() => usd - eur).ErrorCode);
        Assert.Equal(ModelErrorCodes.MoneyCurrencyMismatch, Assert.Throws<IntegrationException>(() => usd < eur).ErrorCode);
        Assert.Equal(ModelErrorCodes.MoneyCurrencyMismatch, Assert.Throws<IntegrationException>(() => usd.CompareTo(eur)).ErrorCode);
        Assert.False(Assert.Throws<IntegrationException>(() => usd >= eur).IsTransient);
    }

    [Fact]
    public void Equality_DifferentCurrencies_IsFalseWithoutThrowing()
    {
        Assert.NotEqual(Money.Of(1m, Usd), Money.Of(1m, CurrencyCode.Eur));
        Assert.Equal(Money.Of(1.5m, Usd), Money.Of(1.50m, Usd));
    }

    [Fact]
    public void Comparison_SameCurrency_OrdersByAmount()
    {
        Assert.True(Money.Of(1m, Usd) < Money.Of(2m, Usd));
        Assert.True(Money.Of(2m, Usd) >= Money.Of(2.00m, Usd));
        Assert.True(Money.Of(-1m, Usd) <= Money.Zero(Usd));
    }

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    public void MinorUnits_KnownCurrencies_MatchIso4217(string code, int minorUnits)
    {
        Assert.Equal(minorUnits, CurrencyCode.Parse(code).MinorUnits);
        Assert.Equal(1L, Money.FromMinorUnits(1, CurrencyCode.Parse(code)).ToMinorUnits());
    }

    [Fact]
    public void FromMinorUnits_Yen_HasNoFraction()
    {
        var yen = Money.FromMinorUnits(1234, CurrencyCode.Jpy);

        Assert.Equal("1234", yen.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromMinorUnits_Dinar_HasThreeDigits()
    {
        var dinar = Money.FromMinorUnits(1234, CurrencyCode.Parse("BHD"));

        Assert.Equal("1.234", dinar.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToMinorUnits_AnyRoundedAmount_RoundTripsThroughFromMinorUnits()
    {
        // Amounts below 10^14 so that 4 minor units still fit in a long.
        var gen = from amount in Amounts.Where(a => Math.Abs(a) < 100_000_000_000_000m) from currency in CurrencyGen select Money.Of(amount, currency).Round();
        Check.One(Quick(), Prop.ForAll(Arb.From(gen), m => Money.FromMinorUnits(m.ToMinorUnits(), m.Currency) == m));
    }

    [Fact]
    public void ToMinorUnits_NotRounded_ThrowsNotRounded()
    {
        var error = Assert.Throws<IntegrationException>(() => Money.Of(1.005m, Usd).ToMinorUnits());

        Assert.Equal(ModelErrorCodes.MoneyNotRounded, error.ErrorCode);
    }

    [Fact]
    public void Of_TooManyFractionalDigits_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(0.12345678901m, Usd));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(1_000_000_000_000_000_000m, Usd));
    }

    [Fact]
    public void Of_DefaultCurrency_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Money.Of(1m, default));
    }

    [Fact]
    public void Add_BeyondEighteenDigits_ThrowsOutOfRange()
    {
        var big = Money.Of(999_999_999_999_999_999m, Usd);

        Assert.Equal(ModelErrorCodes.MoneyOutOfRange, Assert.Throws<IntegrationException>(() => big + big).ErrorCode);
    }

    [Fact]
    public void Multiply_ByFraction_RoundsToTenDigitsNotToMinorUnits()
    {
        var product = Money.Of(100m, Usd) * (1m / 3m);

        Assert.Equal(33.3333333333m, product.Amount);
        Assert.Equal(Money.Of(33.33m, Usd), product.Round());
        Assert.Equal(Money.Of(250m, Usd), 2.5m * Money.Of(100m, Usd));
    }

    [Fact]
    public void Negate_Zero_IsNotNegativeZero()
    {
        Assert.Equal("0.00", (-Money.Zero(Usd)).Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToString_Amount_IsInvariantWithCode()
    {
        Assert.Equal("1234.50 USD", Money.Of(1234.50m, Usd).ToString());
    }
}
