using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Tests.Rules;

public sealed class TimeEntryRuleSetTests
{
    private static readonly RuleSet<TimeEntry> Rules = BuiltInRuleSets.TimeEntry();

    [Fact]
    public async Task EvaluateAsync_ValidEntry_NoViolations()
    {
        var scenario = new RuleScenario();

        var result = await Rules.EvaluateAsync(scenario.Entry, scenario.Data());

        Assert.True(result.IsValid);
        Assert.Empty(result.Violations);
        Assert.Equal("time-entry", result.RuleSetName);
        Assert.Equal(1, result.RuleSetVersion);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(23)]
    public async Task EvaluateAsync_FirmDataset_MatchesIndependentDailyHoursComputation(int seed)
    {
        var firm = new CanonicalFaker(seed).Firm(clients: 3, resources: 4, timeEntriesPerEngagement: 12);
        var data = new InMemoryRuleReferenceData(firm.AllRecords());

        foreach (var entry in firm.TimeEntries)
        {
            var result = await Rules.EvaluateAsync(entry, data);

            var day = firm.TimeEntries
                .Where(e => e.ResourceId == entry.ResourceId && e.WorkDate == entry.WorkDate && e.Status != TimeEntryStatus.Rejected)
                .Sum(e => e.Hours);
            var expected = new List<string>();
            if (entry.Status != TimeEntryStatus.Rejected && day > 16m)
            {
                expected.Add(RuleCodes.DailyHoursExceeded);
            }
            else if (entry.Status != TimeEntryStatus.Rejected && day > 10m)
            {
                expected.Add(RuleCodes.DailyHoursHigh);
            }

            Assert.Equal(expected, result.Violations.Select(v => v.Code), StringComparer.Ordinal);
        }
    }

    [Fact]
    public async Task EvaluateAsync_DayOverMaximum_ErrorAtHours()
    {
        var scenario = new RuleScenario();
        var earlier = scenario.SameDay(9m);

        var result = await Rules.EvaluateAsync(scenario.Entry, scenario.Data(earlier));

        var violation = Assert.Single(result.Violations);
        Assert.Equal(RuleCodes.DailyHoursExceeded, violation.Code);
        Assert.Equal(RuleSeverity.Error, violation.Severity);
        Assert.Equal("/hours", violation.Path);
        Assert.Contains("16.5 hours", violation.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task EvaluateAsync_DayOverWarningThreshold_WarningOnlyAndStillValid()
    {
        var scenario = new RuleScenario();

        var result = await Rules.EvaluateAsync(scenario.Entry, scenario.Data(scenario.SameDay(3m)));

        var violation = Assert.Single(result.Violations);
        Assert.Equal(RuleCodes.DailyHoursHigh, violation.Code);
        Assert.Equal(RuleSeverity.Warning, violation.Severity);
        Assert.True(result.IsValid);
        Assert.Equal(1, result.WarningCount);
        Assert.Equal(0, result.ErrorCount);
    }

    [Fact]
    public async Task EvaluateAsync_RejectedAndOwnEarlierVersion_NotCounted()
    {
        var scenario = new RuleScenario();
        var rejected = scenario.SameDay(9m, TimeEntryStatus.Rejected);
        var ownEarlierVersion = scenario.Entry with { Hours = 12m };

        var result = await Rules.EvaluateAsync(scenario.Entry, scenario.Data(rejected, ownEarlierVersion));

        Assert.Empty(result.Violations);
    }

    [Fact]
    public async Task EvaluateAsync_ExactlyAtMaximum_NoError()
    {
        var scenario = new RuleScenario();
        var options = new BusinessRuleOptions { MaxHoursPerDay = 12m, HoursPerDayWarningThreshold = 12m };

        var result = await BuiltInRuleSets.TimeEntry(options).EvaluateAsync(scenario.Entry, scenario.Data(scenario.SameDay(4.5m)));

        Assert.Empty(result.Violations);
    }

    [Fact]
    public async Task EvaluateAsync_HoursBelowConfiguredMinimum_Error()
    {
        var scenario = new RuleScenario();
        var options = new BusinessRuleOptions { MinHoursPerEntry = 0.25m };

        var result = await BuiltInRuleSets.TimeEntry(options).EvaluateAsync(scenario.Entry with { Hours = 0.1m }, scenario.Data());

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.HoursBelowMinimum, "/hours"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_UnknownEngagement_ErrorAtEngagementId()
    {
        var scenario = new RuleScenario();

        var result = await Rules.EvaluateAsync(scenario.Entry, new InMemoryRuleReferenceData([scenario.TimeAndMaterials, scenario.Assignment]));

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.TimeEngagementNotFound, "/engagementId"), (violation.Code, violation.Path));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(181)]
    public async Task EvaluateAsync_WorkDateOutsideEngagement_ErrorAtWorkDate(int daysFromStart)
    {
        var scenario = new RuleScenario();
        var engagement = scenario.Engagement;
        var entry = scenario.Entry with { WorkDate = engagement.StartDate.AddDays(daysFromStart) };
        var line = scenario.TimeAndMaterials with { StartDate = engagement.StartDate.AddDays(-10), EndDate = null };
        var assignment = scenario.Assignment with { StartDate = engagement.StartDate.AddDays(-10), EndDate = null };

        var result = await Rules.EvaluateAsync(entry, new InMemoryRuleReferenceData([engagement, line, assignment]));

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.OutsideEngagement, "/workDate"), (violation.Code, violation.Path));
        Assert.Contains(engagement.Name, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_OpenEndedEngagement_LateDateAccepted()
    {
        var scenario = new RuleScenario();
        var engagement = scenario.Engagement with { EndDate = null };
        var line = scenario.TimeAndMaterials with { EndDate = null };
        var assignment = scenario.Assignment with { EndDate = null };
        var entry = scenario.Entry with { WorkDate = engagement.StartDate.AddDays(900) };

        var result = await Rules.EvaluateAsync(entry, new InMemoryRuleReferenceData([engagement, line, assignment]));

        Assert.Empty(result.Violations);
    }

    [Fact]
    public async Task EvaluateAsync_UnknownAssignment_ErrorAtAssignmentId()
    {
        var scenario = new RuleScenario();

        var result = await Rules.EvaluateAsync(scenario.Entry, new InMemoryRuleReferenceData([scenario.Engagement, scenario.TimeAndMaterials]));

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.AssignmentNotFound, "/assignmentId"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_NoAssignmentNamed_AssignmentNotChecked()
    {
        var scenario = new RuleScenario();

        var result = await Rules.EvaluateAsync(scenario.Entry with { AssignmentId = null }, new InMemoryRuleReferenceData([scenario.Engagement, scenario.TimeAndMaterials]));

        Assert.Empty(result.Violations);
    }

    [Fact]
    public async Task EvaluateAsync_SomeoneElsesAssignment_ErrorAtAssignmentId()
    {
        var scenario = new RuleScenario();
        var colleague = scenario.Faker.ResourceAssignment(scenario.Engagement, scenario.Faker.Resource());

        var result = await Rules.EvaluateAsync(scenario.Entry with { AssignmentId = colleague.Id }, scenario.Data(colleague));

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.AssignmentMismatch, "/assignmentId"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_WorkDateAfterAssignmentEnds_ErrorAtWorkDate()
    {
        var scenario = new RuleScenario();
        var assignment = scenario.Assignment with { EndDate = scenario.Entry.WorkDate.AddDays(-1) };

        var result = await Rules.EvaluateAsync(scenario.Entry, new InMemoryRuleReferenceData([scenario.Engagement, scenario.TimeAndMaterials, assignment]));

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.OutsideAssignment, "/workDate"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_BillableWithoutContractLine_ErrorAtContractLineId()
    {
        var scenario = new RuleScenario();

        var result = await Rules.EvaluateAsync(scenario.Entry with { ContractLineId = null }, scenario.Data());

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.ContractLineRequired, "/contractLineId"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_NonBillableWithoutLineOrOnFixedFee_NoViolation()
    {
        var scenario = new RuleScenario();
        var data = scenario.Data();

        var noLine = await Rules.EvaluateAsync(scenario.Entry with { Billable = false, ContractLineId = null }, data);
        var fixedFee = await Rules.EvaluateAsync(scenario.Entry with { Billable = false, ContractLineId = scenario.FixedFee.Id }, data);

        Assert.Empty(noLine.Violations);
        Assert.Empty(fixedFee.Violations);
    }

    [Fact]
    public async Task EvaluateAsync_UnknownContractLine_ErrorAtContractLineId()
    {
        var scenario = new RuleScenario();

        var result = await Rules.EvaluateAsync(scenario.Entry, new InMemoryRuleReferenceData([scenario.Engagement, scenario.Assignment]));

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.ContractLineNotFound, "/contractLineId"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_BillableOnFixedFeeLine_ErrorNotTimeBillable()
    {
        var scenario = new RuleScenario();

        var result = await Rules.EvaluateAsync(scenario.Entry with { ContractLineId = scenario.FixedFee.Id }, scenario.Data());

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.ContractLineNotTimeBillable, "/contractLineId"), (violation.Code, violation.Path));
        Assert.Contains("fixed-fee", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_RetainerAllowedByOptions_Accepted()
    {
        var scenario = new RuleScenario();
        var retainer = scenario.Faker.ContractLine(scenario.Engagement, BillingMethod.Retainer) with
        {
            StartDate = scenario.Engagement.StartDate,
            EndDate = scenario.Engagement.EndDate,
        };
        var options = new BusinessRuleOptions();
        options.TimeBillableMethods.Add(BillingMethod.Retainer);
        var entry = scenario.Entry with { ContractLineId = retainer.Id };

        var allowed = await BuiltInRuleSets.TimeEntry(options).EvaluateAsync(entry, scenario.Data(retainer));
        var byDefault = await Rules.EvaluateAsync(entry, scenario.Data(retainer));

        Assert.Empty(allowed.Violations);
        Assert.Equal([RuleCodes.ContractLineNotTimeBillable], byDefault.Violations.Select(v => v.Code), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData(ContractLineStatus.Draft)]
    [InlineData(ContractLineStatus.Suspended)]
    [InlineData(ContractLineStatus.Closed)]
    public async Task EvaluateAsync_LineNotActive_ErrorInactive(ContractLineStatus status)
    {
        var scenario = new RuleScenario();
        var line = scenario.TimeAndMaterials with { Status = status };

        var result = await Rules.EvaluateAsync(scenario.Entry, new InMemoryRuleReferenceData([scenario.Engagement, line, scenario.Assignment]));

        var violation = Assert.Single(result.Violations);
        Assert.Equal((RuleCodes.ContractLineInactive, "/contractLineId"), (violation.Code, violation.Path));
    }

    [Fact]
    public async Task EvaluateAsync_LineOfAnotherEngagementAndExpired_BothReported()
    {
        var scenario = new RuleScenario();
        var other = scenario.Faker.Engagement(scenario.Client);
        var line = scenario.Faker.ContractLine(other, BillingMethod.TimeAndMaterials) with
        {
            StartDate = scenario.Entry.WorkDate.AddDays(-100),
            EndDate = scenario.Entry.WorkDate.AddDays(-1),
        };

        var result = await Rules.EvaluateAsync(scenario.Entry with { ContractLineId = line.Id }, scenario.Data(other, line));

        Assert.Equal(
            [(RuleCodes.ContractLineMismatch, "/contractLineId"), (RuleCodes.OutsideContractLine, "/workDate")],
            result.Violations.Select(v => (v.Code, v.Path)));
    }

    [Fact]
    public async Task EvaluateAsync_EntryBreakingManyRules_CollectsEveryViolation()
    {
        var scenario = new RuleScenario();
        var colleague = scenario.Faker.ResourceAssignment(scenario.Engagement, scenario.Faker.Resource());
        var entry = scenario.Entry with
        {
            WorkDate = scenario.Engagement.StartDate.AddDays(-5),
            Hours = 9m,
            AssignmentId = colleague.Id,
            ContractLineId = scenario.FixedFee.Id,
        };
        var sameDay = scenario.SameDay(8m) with { WorkDate = entry.WorkDate };

        var result = await Rules.EvaluateAsync(entry, scenario.Data(colleague, sameDay));

        Assert.Equal(
            [
                (RuleCodes.DailyHoursExceeded, "/hours"),
                (RuleCodes.OutsideEngagement, "/workDate"),
                (RuleCodes.AssignmentMismatch, "/assignmentId"),
                (RuleCodes.OutsideAssignment, "/workDate"),
                (RuleCodes.ContractLineNotTimeBillable, "/contractLineId"),
                (RuleCodes.OutsideContractLine, "/workDate"),
            ],
            result.Violations.Select(v => (v.Code, v.Path)));
        Assert.Equal(6, result.ErrorCount);
    }

    [Fact]
    public async Task EvaluateAsync_AsynchronousReferenceData_SameViolationsAsInMemory()
    {
        var scenario = new RuleScenario();
        var entry = scenario.Entry with { ContractLineId = scenario.FixedFee.Id, Hours = 11m };
        var memory = scenario.Data();

        var direct = await Rules.EvaluateAsync(entry, memory);
        var yielding = await Rules.EvaluateAsync(entry, new YieldingReferenceData(memory));

        Assert.Equal(direct.Violations, yielding.Violations);
        Assert.Equal(2, yielding.Violations.Count);
    }

    [Fact]
    public async Task EvaluateAsync_CancelledToken_Throws()
    {
        var scenario = new RuleScenario();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Rules.EvaluateAsync(scenario.Entry, scenario.Data(), cancellation.Token));
    }

    [Fact]
    public void TimeEntry_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new BusinessRuleOptions { MaxHoursPerDay = 30m, HoursPerDayWarningThreshold = 0m, MinHoursPerEntry = 25m };

        var error = Assert.Throws<ArgumentException>(() => BuiltInRuleSets.TimeEntry(options));

        Assert.Contains("MaxHoursPerDay is 30", error.Message, StringComparison.Ordinal);
        Assert.Contains("HoursPerDayWarningThreshold is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("MinHoursPerEntry is 25", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeEntry_WarningAboveMaximum_Throws()
    {
        var options = new BusinessRuleOptions { MaxHoursPerDay = 8m, HoursPerDayWarningThreshold = 9m };

        var error = Assert.Throws<ArgumentException>(() => BuiltInRuleSets.TimeEntry(options));

        Assert.Contains("above MaxHoursPerDay", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reference data that really goes asynchronous, as a store would, to drive the rule set's slow path.</summary>
    private sealed class YieldingReferenceData(RuleReferenceData inner) : RuleReferenceData
    {
        public override async ValueTask<Engagement?> FindEngagementAsync(EngagementId id, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await inner.FindEngagementAsync(id, cancellationToken);
        }

        public override async ValueTask<ContractLine?> FindContractLineAsync(ContractLineId id, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await inner.FindContractLineAsync(id, cancellationToken);
        }

        public override async ValueTask<ResourceAssignment?> FindAssignmentAsync(ResourceAssignmentId id, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await inner.FindAssignmentAsync(id, cancellationToken);
        }

        public override async ValueTask<decimal> GetBookedHoursAsync(ResourceId resourceId, DateOnly workDate, TimeEntryId excluding, CancellationToken cancellationToken)
        {
            await Task.Yield();
            return await inner.GetBookedHoursAsync(resourceId, workDate, excluding, cancellationToken);
        }
    }
}
