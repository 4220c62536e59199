using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>The assignment, when named, is this person's on this engagement and covers the work date.</summary>
internal sealed class AssignmentWindowRule : IRule<TimeEntry>
{
    public string Name => "assignment-window";

    public async ValueTask EvaluateAsync(TimeEntry record, RuleContext context, CancellationToken cancellationToken)
    {
        if (record.AssignmentId is not { } assignmentId)
        {
            return;
        }

        var assignment = await context.ReferenceData.FindAssignmentAsync(assignmentId, cancellationToken).ConfigureAwait(false);
        if (assignment is null)
        {
            context.Report(RuleCodes.AssignmentNotFound, RuleSeverity.Error, "/assignmentId", Text.Format(
                $"The time is booked under assignment {assignmentId}, which is not known."));
            return;
        }

        if (assignment.ResourceId != record.ResourceId || assignment.EngagementId != record.EngagementId)
        {
            context.Report(RuleCodes.AssignmentMismatch, RuleSeverity.Error, "/assignmentId", Text.Format(
                $"Assignment {assignmentId} is for {Text.Resource(assignment.ResourceId)} on engagement {assignment.EngagementId}, not for {Text.Resource(record.ResourceId)} on engagement {record.EngagementId}."));
        }

        if (!Text.IsWithin(record.WorkDate, assignment.StartDate, assignment.EndDate))
        {
            context.Report(RuleCodes.OutsideAssignment, RuleSeverity.Error, "/workDate", Text.Format(
                $"The work date {Text.Day(record.WorkDate)} is outside the {assignment.Role} assignment, which runs {Text.Window(assignment.StartDate, assignment.EndDate)}."));
        }
    }
}
