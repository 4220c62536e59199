using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>The work date is inside the engagement's dates.</summary>
internal sealed class EngagementWindowRule : IRule<TimeEntry>
{
    public string Name => "engagement-window";

    public async ValueTask EvaluateAsync(TimeEntry record, RuleContext context, CancellationToken cancellationToken)
    {
        var engagement = await context.ReferenceData.FindEngagementAsync(record.EngagementId, cancellationToken).ConfigureAwait(false);
        if (engagement is null)
        {
            context.Report(RuleCodes.TimeEngagementNotFound, RuleSeverity.Error, "/engagementId", Text.Format(
                $"The time is booked to engagement {record.EngagementId}, which is not known."));
            return;
        }

        if (!Text.IsWithin(record.WorkDate, engagement.StartDate, engagement.EndDate))
        {
            context.Report(RuleCodes.OutsideEngagement, RuleSeverity.Error, "/workDate", Text.Format(
                $"The work date {Text.Day(record.WorkDate)} is outside engagement '{engagement.Name}', which runs {Text.Window(engagement.StartDate, engagement.EndDate)}."));
        }
    }
}
