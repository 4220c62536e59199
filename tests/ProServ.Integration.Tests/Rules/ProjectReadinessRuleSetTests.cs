using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Tests.Rules;

public sealed class ProjectReadinessRuleSetTests
{
    private static readonly RuleSet<Opportunity> Gate = BuiltInRuleSets.ProjectReadiness();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task EvaluateAsync_GeneratedWonOpportunities_ReportExactlyTheMissingFields(int seed)
    {
        var faker = new CanonicalFaker(seed);
        for (var i = 0; i < 40; i++)
        {
            var pm = faker.Resource();
            var opportunity = faker.Opportunity(faker.Client(), OpportunityStage.ClosedWon) with { ProjectManagerId = i % 3 == 0 ? null : pm.Id };
            var expected = new List<string>();
            if (opportunity.LegalEntity is null)
            {
                expected.Add("/legalEntity");
            }

            if (opportunity.BillingMethod is null)
            {
                expected.Add("/billingMethod");
            }

            if (opportunity.ExpectedStartDate is null)
            {
                expected.Add("/expectedStartDate");
            }

            if (opportunity.ServiceLine is null)
            {
                expected.Add("/serviceLine");
            }

            if (opportunity.ProjectManagerId is null)
            {
                expected.Add("/projectManagerId");
            }

            var result = await Gate.EvaluateAsync(opportunity);

            Assert.Equal(expected, result.Violations.Select(v => v.Path), StringComparer.Ordinal);
            Assert.All(result.Violations, v => Assert.Equal(RuleSeverity.Error, v.Severity));
        }
    }

    [Fact]
    public async Task EvaluateAsync_WonOpportunityWithEverything_Passes()
    {
        var result = await Gate.EvaluateAsync(Ready());

        Assert.True(result.IsValid);
        Assert.Empty(result.Violations);
    }

    [Fact]
    public async Task EvaluateAsync_WonOpportunityMissingEverything_CollectsAllFive()
    {
        var opportunity = Ready() with { LegalEntity = null, BillingMethod = null, ExpectedStartDate = null, ServiceLine = " ", ProjectManagerId = null };

        var result = await Gate.EvaluateAsync(opportunity);

        Assert.Equal(
            [
                (RuleCodes.ReadinessLegalEntityMissing, "/legalEntity"),
                (RuleCodes.ReadinessBillingMethodMissing, "/billingMethod"),
                (RuleCodes.ReadinessStartDateMissing, "/expectedStartDate"),
                (RuleCodes.ReadinessServiceLineMissing, "/serviceLine"),
                (RuleCodes.ReadinessProjectManagerMissing, "/projectManagerId"),
            ],
            result.Violations.Select(v => (v.Code, v.Path)));
        Assert.All(result.Violations, v => Assert.StartsWith($"Opportunity '{opportunity.Name}' cannot become a project yet", v.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAsync_UnknownBillingMethod_TreatedAsMissing()
    {
        var opportunity = Ready() with { BillingMethod = OpenEnum.Parse<BillingMethod>("success-fee") };

        var result = await Gate.EvaluateAsync(opportunity);

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.ReadinessBillingMethodMissing, "/billingMethod"), (violation.Code, violation.Path));
        Assert.Contains("success-fee", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OpportunityStage.Negotiation)]
    [InlineData(OpportunityStage.ClosedLost)]
    public async Task EvaluateAsync_NotWon_ErrorAtStage(OpportunityStage stage)
    {
        var result = await Gate.EvaluateAsync(Ready() with { Stage = stage });

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.ReadinessNotWon, "/stage"), (violation.Code, violation.Path));
    }

    private static Opportunity Ready()
    {
        var faker = new CanonicalFaker(17);
        var client = faker.Client();
        return faker.Opportunity(client, OpportunityStage.ClosedWon) with
        {
            LegalEntity = "proserv-us-inc",
            BillingMethod = BillingMethod.TimeAndMaterials,
            ExpectedStartDate = faker.Today.AddDays(14),
            ServiceLine = "cloud-migration",
            ProjectManagerId = faker.Resource().Id,
        };
    }
}
