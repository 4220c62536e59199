using ProServ.Integration.Errors;
using ProServ.Integration.Model;

namespace ProServ.Integration.Abstractions.Tests.Model;

public sealed class LifecycleTests
{
    [Theory]
    [InlineData(TimeEntryStatus.Draft, TimeEntryStatus.Submitted)]
    [InlineData(TimeEntryStatus.Submitted, TimeEntryStatus.Approved)]
    [InlineData(TimeEntryStatus.Submitted, TimeEntryStatus.Rejected)]
    [InlineData(TimeEntryStatus.Rejected, TimeEntryStatus.Submitted)]
    [InlineData(TimeEntryStatus.Approved, TimeEntryStatus.Approved)]
    public void TimeEntry_AllowedTransition_CanTransition(TimeEntryStatus from, TimeEntryStatus to)
    {
        Assert.True(from.CanTransitionTo(to));
        Assert.True(Lifecycles.TimeEntry.CanTransition(from, to));
        from.EnsureTransitionTo(to);
    }

    [Theory]
    [InlineData(TimeEntryStatus.Draft, TimeEntryStatus.Approved)]
    [InlineData(TimeEntryStatus.Approved, TimeEntryStatus.Draft)]
    [InlineData(TimeEntryStatus.Approved, TimeEntryStatus.Rejected)]
    [InlineData(TimeEntryStatus.Unknown, TimeEntryStatus.Draft)]
    [InlineData(TimeEntryStatus.Draft, TimeEntryStatus.Unknown)]
    public void TimeEntry_ForbiddenTransition_ThrowsInvalidTransition(TimeEntryStatus from, TimeEntryStatus to)
    {
        Assert.False(from.CanTransitionTo(to));

        var error = Assert.Throws<IntegrationException>(() => from.EnsureTransitionTo(to));

        Assert.Equal(ModelErrorCodes.LifecycleInvalidTransition, error.ErrorCode);
        Assert.Contains("time-entry", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InvoiceStatus.Draft, InvoiceStatus.Posted, true)]
    [InlineData(InvoiceStatus.Posted, InvoiceStatus.Sent, true)]
    [InlineData(InvoiceStatus.Sent, InvoiceStatus.PartiallyPaid, true)]
    [InlineData(InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid, true)]
    [InlineData(InvoiceStatus.Disputed, InvoiceStatus.Void, true)]
    [InlineData(InvoiceStatus.Paid, InvoiceStatus.Void, false)]
    [InlineData(InvoiceStatus.Void, InvoiceStatus.Posted, false)]
    [InlineData(InvoiceStatus.Draft, InvoiceStatus.Paid, false)]
    [InlineData(InvoiceStatus.PartiallyPaid, InvoiceStatus.Sent, false)]
    public void Invoice_Transition_MatchesTable(InvoiceStatus from, InvoiceStatus to, bool allowed)
    {
        Assert.Equal(allowed, from.CanTransitionTo(to));
    }

    [Theory]
    [InlineData(OpportunityStage.Prospecting, OpportunityStage.ClosedWon, true)]
    [InlineData(OpportunityStage.Negotiation, OpportunityStage.Qualification, true)]
    [InlineData(OpportunityStage.ClosedWon, OpportunityStage.Negotiation, false)]
    [InlineData(OpportunityStage.ClosedLost, OpportunityStage.ClosedWon, false)]
    public void Opportunity_Transition_MatchesTable(OpportunityStage from, OpportunityStage to, bool allowed)
    {
        Assert.Equal(allowed, from.CanTransitionTo(to));
    }

    [Fact]
    public void OtherLifecycles_KeyTransitions_MatchTables()
    {
        Assert.True(EngagementStatus.Planned.CanTransitionTo(EngagementStatus.Active));
        Assert.True(EngagementStatus.OnHold.CanTransitionTo(EngagementStatus.Active));
        Assert.False(EngagementStatus.Completed.CanTransitionTo(EngagementStatus.Active));
        Assert.True(ExpenseStatus.Approved.CanTransitionTo(ExpenseStatus.Reimbursed));
        Assert.False(ExpenseStatus.Submitted.CanTransitionTo(ExpenseStatus.Reimbursed));
        Assert.True(MilestoneStatus.Completed.CanTransitionTo(MilestoneStatus.Approved));
        Assert.False(MilestoneStatus.Planned.CanTransitionTo(MilestoneStatus.Billed));
        Assert.True(BillingEventStatus.Invoiced.CanTransitionTo(BillingEventStatus.Credited));
        Assert.False(BillingEventStatus.Cancelled.CanTransitionTo(BillingEventStatus.Pending));
        Assert.True(PaymentStatus.Pending.CanTransitionTo(PaymentStatus.Cleared));
        Assert.False(PaymentStatus.Failed.CanTransitionTo(PaymentStatus.Cleared));
    }

    [Fact]
    public void OpenEnum_UnknownStatus_CannotTransitionEitherWay()
    {
        var unknown = OpenEnum.Parse<TimeEntryStatus>("on-second-review");

        Assert.False(unknown.CanTransitionTo(TimeEntryStatus.Approved));
        Assert.False(Lifecycles.TimeEntry.CanTransition(TimeEntryStatus.Submitted, unknown));
        Assert.False(unknown.CanTransitionTo(unknown));
        var error = Assert.Throws<IntegrationException>(() => unknown.EnsureTransitionTo(TimeEntryStatus.Approved));
        Assert.Contains("on-second-review", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenEnum_KnownStatus_UsesTable()
    {
        OpenEnum<TimeEntryStatus> submitted = TimeEntryStatus.Submitted;

        Assert.True(submitted.CanTransitionTo(TimeEntryStatus.Approved));
    }

    [Fact]
    public void IsTerminal_TerminalAndNonTerminal_Reported()
    {
        Assert.True(Lifecycles.TimeEntry.IsTerminal(TimeEntryStatus.Approved));
        Assert.True(Lifecycles.Invoice.IsTerminal(InvoiceStatus.Void));
        Assert.False(Lifecycles.Invoice.IsTerminal(InvoiceStatus.Sent));
        Assert.False(Lifecycles.Invoice.IsTerminal(InvoiceStatus.Unknown));
        Assert.Equal([TimeEntryStatus.Submitted], Lifecycles.TimeEntry.GetAllowedTransitions(TimeEntryStatus.Draft));
    }
}
