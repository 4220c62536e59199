using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>Hours per person per day within bounds, and each entry at least the minimum.</summary>
internal sealed class DailyHoursRule(decimal maxHoursPerDay, decimal warningThreshold, decimal minHoursPerEntry) : IRule<TimeEntry>
{
    public string Name => "daily-hours";

    public async ValueTask EvaluateAsync(TimeEntry record, RuleContext context, CancellationToken cancellationToken)
    {
        if (record.Hours < minHoursPerEntry)
        {
            context.Report(RuleCodes.HoursBelowMinimum, RuleSeverity.Error, "/hours", Text.Format(
                $"The entry has {record.Hours} hours; an entry needs at least {minHoursPerEntry} hours."));
        }

        if (record.Status == TimeEntryStatus.Rejected)
        {
            return;
        }

        var booked = await context.ReferenceData.GetBookedHoursAsync(record.ResourceId, record.WorkDate, record.Id, cancellationToken).ConfigureAwait(false);
        var total = booked + record.Hours;
        if (total > maxHoursPerDay)
        {
            context.Report(RuleCodes.DailyHoursExceeded, RuleSeverity.Error, "/hours", Text.Format(
                $"This entry of {record.Hours} hours brings {Text.Resource(record.ResourceId)} to {total} hours on {Text.Day(record.WorkDate)} ({booked} hours already booked); no one may book more than {maxHoursPerDay} hours in a day."));
        }
        else if (total > warningThreshold)
        {
            context.Report(RuleCodes.DailyHoursHigh, RuleSeverity.Warning, "/hours", Text.Format(
                $"This entry of {record.Hours} hours brings {Text.Resource(record.ResourceId)} to {total} hours on {Text.Day(record.WorkDate)}, more than the usual {warningThreshold}; please confirm the hours."));
        }
    }
}
