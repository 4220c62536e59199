using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.TestUtils;
using ProServ.Integration.TestUtils.Docs;

namespace ProServ.Integration.Tests.Rules;

/// <summary>The examples of docs/rules.md: each region is the text of a snippet in the doc, and runs here.</summary>
public sealed class RulesDocsTests
{
    [Fact]
    public void RulesDoc_Snippets_MatchCompiledRegions()
    {
        DocSnippets.Verify(Path.Combine(RepositoryLayout.DocsFolder, "rules.md"), Path.Combine(RepositoryLayout.Root, "tests", "ProServ.Integration.Tests"));
    }

    [Fact]
    public async Task Evaluate_DocExample_ReportsDailyHoursAndContractLine()
    {
        var scenario = new RuleScenario();
        var (engagement, contractLines, assignments, timeAlreadyBooked) = (scenario.Engagement, new[] { scenario.TimeAndMaterials, scenario.FixedFee }, new[] { scenario.Assignment }, new[] { scenario.SameDay(9m) });
        var timeEntry = scenario.Entry with { ContractLineId = scenario.FixedFee.Id };
        var cancellationToken = CancellationToken.None;
        var lines = new List<string>();
        void Print(string line) => lines.Add(line);

        #region docs:rules-evaluate
        // Once, at start-up: rule sets are immutable and thread-safe.
        RuleSet<TimeEntry> timeRules = BuiltInRuleSets.TimeEntry(new BusinessRuleOptions { MaxHoursPerDay = 14m });

        // Reference data: what the rules look up. In memory here; derive from RuleReferenceData to read a store.
        var referenceData = new InMemoryRuleReferenceData([engagement, .. contractLines, .. assignments, .. timeAlreadyBooked]);

        RuleResult result = await timeRules.EvaluateAsync(timeEntry, referenceData, cancellationToken);
        if (!result.IsValid)
        {
            foreach (RuleViolation violation in result.Violations)
            {
                // rules.time-entry.daily-hours-exceeded Error /hours: This entry of 7.5 hours brings ...
                Print($"{violation.Code} {violation.Severity} {violation.Path}: {violation.Message}");
            }
        }
        #endregion

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("rules.time-entry.daily-hours-exceeded Error /hours: This entry of 7.5 hours brings", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("rules.time-entry.contract-line-not-time-billable Error /contractLineId:", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_DocExample_CustomRuleSetRuns()
    {
        var scenario = new RuleScenario();
        var timeEntry = scenario.Entry with { Description = null, AssignmentId = null, WorkDate = new DateOnly(2026, 2, 28) };

        #region docs:rules-compose
        RuleSet<TimeEntry> acmeTimeRules = RuleSet.CreateBuilder<TimeEntry>("acme-time-entry", version: 2)
            .Include(BuiltInRuleSets.TimeEntry())
            .Remove("assignment-window")              // Acme does not staff through assignments
            .Add("description-required", (entry, context) =>
            {
                if (entry.Billable && string.IsNullOrWhiteSpace(entry.Description))
                {
                    context.Report("acme.time-entry.description-required", RuleSeverity.Warning, "/description",
                        "Billable time needs a description: the client reads it on the invoice.");
                }
            })
            .Add(new NoWeekendTimeRule())
            .Build();
        #endregion

        var result = await acmeTimeRules.EvaluateAsync(timeEntry, scenario.Data());

        Assert.Equal(["/description", "/workDate"], result.Violations.Select(v => v.Path), StringComparer.Ordinal);
        Assert.True(result.IsValid);
    }

    #region docs:rules-custom-rule
    /// <summary>Flags time booked on a Saturday or Sunday for the project manager to confirm.</summary>
    internal sealed class NoWeekendTimeRule : IRule<TimeEntry>
    {
        public string Name => "no-weekend-time";

        public ValueTask EvaluateAsync(TimeEntry record, RuleContext context, CancellationToken cancellationToken)
        {
            if (record.WorkDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                context.Report("acme.time-entry.weekend", RuleSeverity.Warning, "/workDate",
                    $"Time was booked on a {record.WorkDate.DayOfWeek}; please confirm the client agreed to weekend work.");
            }

            return ValueTask.CompletedTask;
        }
    }
    #endregion
}
