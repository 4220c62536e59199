using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Tests.Rules;

public sealed class EngagementCurrencyRuleSetTests
{
    private static readonly RuleSet<Engagement> Rules = BuiltInRuleSets.EngagementCurrency();

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public async Task EvaluateAsync_FirmDatasetEngagements_Valid(int seed)
    {
        var firm = new CanonicalFaker(seed).Firm(clients: 5);
        var data = new InMemoryRuleReferenceData(firm.AllRecords());

        foreach (var engagement in firm.Engagements)
        {
            Assert.Empty((await Rules.EvaluateAsync(engagement, data)).Violations);
        }
    }

    [Fact]
    public async Task EvaluateAsync_LineAndInvoiceInOtherCurrencies_EachNamedWithItsRecord()
    {
        var scenario = new RuleScenario(currency: CurrencyCode.Parse("USD"));
        var gbpLine = scenario.TimeAndMaterials with { Currency = CurrencyCode.Parse("GBP") };
        var eurInvoice = scenario.Faker.Invoice(scenario.Client with { Currency = CurrencyCode.Parse("EUR") }) with { EngagementId = scenario.Engagement.Id };
        var usdInvoice = scenario.Faker.Invoice(scenario.Client, scenario.Engagement);

        var result = await Rules.EvaluateAsync(scenario.Engagement, new InMemoryRuleReferenceData([scenario.Engagement, gbpLine, scenario.FixedFee, eurInvoice, usdInvoice]));

        Assert.Equal(
            [
                (RuleCodes.ContractLineCurrencyMismatch, "/currency", "contract-line", gbpLine.Id.ToString()),
                (RuleCodes.EngagementInvoiceCurrencyMismatch, "/currency", "invoice", eurInvoice.Id.ToString()),
            ],
            result.Violations.Select(v => (v.Code, v.Path, v.RecordType, v.RecordId)));
        Assert.All(result.Violations, v => Assert.Contains("one currency", v.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_NoReferenceData_NothingToCompare()
    {
        var scenario = new RuleScenario();

        var result = await Rules.EvaluateAsync(scenario.Engagement);

        Assert.True(result.IsValid);
        Assert.Empty(result.Violations);
    }
}
