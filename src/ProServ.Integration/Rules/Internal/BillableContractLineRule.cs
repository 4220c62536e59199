using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>Billable time needs an active contract line of the same engagement whose billing method bills time, in force on the work date.</summary>
internal sealed class BillableContractLineRule(BillingMethod[] timeBillableMethods) : IRule<TimeEntry>
{
    public string Name => "billable-contract-line";

    public async ValueTask EvaluateAsync(TimeEntry record, RuleContext context, CancellationToken cancellationToken)
    {
        if (!record.Billable)
        {
            return;
        }

        if (record.ContractLineId is not { } lineId)
        {
            context.Report(RuleCodes.ContractLineRequired, RuleSeverity.Error, "/contractLineId",
                "Billable time must name the contract line it bills against; mark the time non-billable or choose a contract line.");
            return;
        }

        var line = await context.ReferenceData.FindContractLineAsync(lineId, cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            context.Report(RuleCodes.ContractLineNotFound, RuleSeverity.Error, "/contractLineId", Text.Format(
                $"The time bills against contract line {lineId}, which is not known."));
            return;
        }

        if (line.EngagementId != record.EngagementId)
        {
            context.Report(RuleCodes.ContractLineMismatch, RuleSeverity.Error, "/contractLineId", Text.Format(
                $"Contract line '{line.Description}' belongs to engagement {line.EngagementId}, not to engagement {record.EngagementId} the time is booked to."));
        }

        if (line.Status != ContractLineStatus.Active)
        {
            context.Report(RuleCodes.ContractLineInactive, RuleSeverity.Error, "/contractLineId", Text.Format(
                $"Contract line '{line.Description}' is {line.Status.RawValue}, not active; billable time can only be booked to an active line."));
        }

        if (!line.BillingMethod.IsKnown || Array.IndexOf(timeBillableMethods, line.BillingMethod.Value) < 0)
        {
            context.Report(RuleCodes.ContractLineNotTimeBillable, RuleSeverity.Error, "/contractLineId", Text.Format(
                $"Contract line '{line.Description}' is billed {line.BillingMethod.RawValue}, which does not bill hours; book the time as non-billable or to a time-and-materials line."));
        }

        if (!Text.IsWithin(record.WorkDate, line.StartDate, line.EndDate))
        {
            context.Report(RuleCodes.OutsideContractLine, RuleSeverity.Error, "/workDate", Text.Format(
                $"The work date {Text.Day(record.WorkDate)} is outside contract line '{line.Description}', in force {Text.Window(line.StartDate, line.EndDate)}."));
        }
    }
}
