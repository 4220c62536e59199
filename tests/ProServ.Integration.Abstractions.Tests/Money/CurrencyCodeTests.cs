using ProServ.Integration.Finance;

namespace ProServ.Integration.Abstractions.Tests.Finance;

public sealed class CurrencyCodeTests
{
    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("JPY")]
    [InlineData("CLF")]
    [InlineData("XOF")]
    public void Parse_KnownCode_ReturnsCurrency(string code)
    {
        var currency = CurrencyCode.Parse(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(code, currency.ToString());
        Assert.False(currency.IsDefault);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("Usd")]
    [InlineData("ABC")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("")]
    [InlineData(" USD")]
    [InlineData("XAU")]
    [InlineData("HRK")]
    public void TryParse_LowercaseUnknownOrMalformed_ReturnsFalse(string code)
    {
        Assert.False(CurrencyCode.TryParse(code, out var currency));
        Assert.True(currency.IsDefault);
        Assert.Throws<FormatException>(() => CurrencyCode.Parse(code));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(CurrencyCode.TryParse((string?)null, out _));
        Assert.Throws<ArgumentNullException>(() => CurrencyCode.Parse(null!));
    }

    [Fact]
    public void Equality_SameCode_IsEqual()
    {
        Assert.Equal(CurrencyCode.Usd, CurrencyCode.Parse("USD"));
        Assert.NotEqual(CurrencyCode.Usd, CurrencyCode.Eur);
    }

    [Fact]
    public void All_Table_HasUniqueUppercaseCodesWithMinorUnitsUpToFour()
    {
        var all = CurrencyCode.All;

        Assert.True(all.Count >= 150);
        Assert.Equal(all.Count, all.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, c =>
        {
            Assert.Matches("^[A-Z]{3}$", c.Code);
            Assert.InRange(c.MinorUnits, 0, 4);
        });
    }

    [Fact]
    public void MinorUnits_Default_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => default(CurrencyCode).MinorUnits);
        Assert.Equal(string.Empty, default(CurrencyCode).Code);
    }
}
