using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>A closed-won opportunity carries everything project set-up needs.</summary>
internal sealed class ProjectReadinessRule : IRule<Opportunity>
{
    public string Name => "set-up-fields";

    public ValueTask EvaluateAsync(Opportunity record, RuleContext context, CancellationToken cancellationToken)
    {
        if (record.Stage != OpportunityStage.ClosedWon)
        {
            context.Report(RuleCodes.ReadinessNotWon, RuleSeverity.Error, "/stage", Text.Format(
                $"Opportunity '{record.Name}' is at stage {record.Stage.RawValue}; a project is set up only for a closed-won opportunity."));
        }

        if (string.IsNullOrWhiteSpace(record.LegalEntity))
        {
            Missing(context, record, RuleCodes.ReadinessLegalEntityMissing, "/legalEntity", "the legal entity that contracts and bills");
        }

        if (record.BillingMethod is not { IsKnown: true })
        {
            Missing(context, record, RuleCodes.ReadinessBillingMethodMissing, "/billingMethod", record.BillingMethod is { } unknown
                ? Text.Format($"a billing method this system knows (it says '{unknown.RawValue}')")
                : "the billing method");
        }

        if (record.ExpectedStartDate is null)
        {
            Missing(context, record, RuleCodes.ReadinessStartDateMissing, "/expectedStartDate", "the expected start date");
        }

        if (string.IsNullOrWhiteSpace(record.ServiceLine))
        {
            Missing(context, record, RuleCodes.ReadinessServiceLineMissing, "/serviceLine", "the service line");
        }

        if (record.ProjectManagerId is null)
        {
            Missing(context, record, RuleCodes.ReadinessProjectManagerMissing, "/projectManagerId", "the project manager");
        }

        return ValueTask.CompletedTask;
    }

    private static void Missing(RuleContext context, Opportunity record, string code, string path, string what) =>
        context.Report(code, RuleSeverity.Error, path, Text.Format(
            $"Opportunity '{record.Name}' cannot become a project yet: it needs {what}."));
}
