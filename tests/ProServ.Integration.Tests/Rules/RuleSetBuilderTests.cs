using ProServ.Integration.Errors;
using ProServ.Integration.Model;
using ProServ.Integration.Rules;

namespace ProServ.Integration.Tests.Rules;

public sealed class RuleSetBuilderTests
{
    [Fact]
    public void Build_InvalidNameVersionAndRules_ThrowsListingEveryProblem()
    {
        var builder = RuleSet.CreateBuilder<TimeEntry>("Time Rules", 0)
            .Add("same", (_, _) => { })
            .Add("same", (_, _) => { })
            .Add("Bad_Name", (_, _) => { })
            .Remove("missing");

        var error = Assert.Throws<IntegrationException>(builder.Build);

        Assert.Equal(RuleCodes.InvalidRuleSet, error.ErrorCode);
        Assert.Contains("name 'Time Rules'", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("'same' is used twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Bad_Name' is not valid", error.Message, StringComparison.Ordinal);
        Assert.Contains("Remove('missing')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoRules_Throws()
    {
        var error = Assert.Throws<IntegrationException>(() => RuleSet.CreateBuilder<Invoice>("empty", 1).Build());

        Assert.Contains("no rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Include_BuiltInSetWithOneRuleRemovedAndOneAdded_RunsInOrder()
    {
        var scenario = new RuleScenario();
        var rules = RuleSet.CreateBuilder<TimeEntry>("acme-time", 3)
            .Include(BuiltInRuleSets.TimeEntry())
            .Remove("assignment-window")
            .Add("description-required", (entry, context) =>
            {
                if (entry.Billable && string.IsNullOrWhiteSpace(entry.Description))
                {
                    context.Report("acme.time-entry.description-required", RuleSeverity.Warning, "/description", "Billable time needs a description the client will read.");
                }
            })
            .Build();
        var entry = scenario.Entry with { Description = null, AssignmentId = ResourceAssignmentId.FromGuid(Guid.NewGuid()) };

        var result = await rules.EvaluateAsync(entry, scenario.Data());

        Assert.Equal(["daily-hours", "engagement-window", "billable-contract-line", "description-required"], rules.RuleNames);
        Assert.Equal(("acme-time", 3), (result.RuleSetName, result.RuleSetVersion));
        var violation = Assert.Single(result.Violations);
        Assert.Equal(("acme.time-entry.description-required", "/description", RuleSeverity.Warning), (violation.Code, violation.Path, violation.Severity));
    }

    [Fact]
    public async Task Add_AsyncDelegateRule_AwaitsLookups()
    {
        var scenario = new RuleScenario();
        var rules = RuleSet.CreateBuilder<TimeEntry>("pm-approves", 1)
            .Add("approver-is-project-manager", async (entry, context, cancellationToken) =>
            {
                var engagement = await context.ReferenceData.FindEngagementAsync(entry.EngagementId, cancellationToken);
                if (entry.ApprovedBy is { } approver && engagement is not null && approver != engagement.ProjectManagerId)
                {
                    context.Report("acme.time-entry.approver", RuleSeverity.Error, "/approvedBy", "Only the project manager approves time.");
                }
            })
            .Build();

        var byManager = await rules.EvaluateAsync(scenario.Entry with { ApprovedBy = scenario.Engagement.ProjectManagerId }, scenario.Data());
        var bySomeoneElse = await rules.EvaluateAsync(scenario.Entry with { ApprovedBy = scenario.Consultant.Id }, scenario.Data());

        Assert.Empty(byManager.Violations);
        Assert.Equal(["/approvedBy"], bySomeoneElse.Violations.Select(v => v.Path), StringComparer.Ordinal);
    }

    [Fact]
    public void BuiltInRuleSets_NamesVersionsAndRules_AreStable()
    {
        Assert.Equal(("time-entry", 1, "daily-hours,engagement-window,assignment-window,billable-contract-line"), Describe(BuiltInRuleSets.TimeEntry()));
        Assert.Equal(("invoice", 1, "totals,engagement-currency"), Describe(BuiltInRuleSets.Invoice()));
        Assert.Equal(("engagement-currency", 1, "one-currency"), Describe(BuiltInRuleSets.EngagementCurrency()));
        Assert.Equal(("project-readiness", 1, "set-up-fields"), Describe(BuiltInRuleSets.ProjectReadiness()));
    }

    [Fact]
    public void RuleCodes_EveryCodeIsUniqueAndNamespaced()
    {
        var codes = typeof(RuleCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.All(codes, code => Assert.Matches("^rules\\.[a-z-]+(\\.[a-z-]+)?$", code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    private static (string, int, string) Describe<T>(RuleSet<T> set)
        where T : class => (set.Name, set.Version, string.Join(",", set.RuleNames));
}
