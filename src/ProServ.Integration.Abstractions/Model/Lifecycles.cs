namespace ProServ.Integration.Model;

/// <summary>Holds the transition table of every lifecycle of the canonical model.</summary>
/// <remarks>The tables are documented in docs/model.md. Terminal statuses have no outgoing transitions. Thread-safe.</remarks>
public static class Lifecycles
{
    /// <summary>Gets the opportunity sales lifecycle: open stages move freely among themselves and to either closed stage; closed stages are terminal.</summary>
    public static Lifecycle<OpportunityStage> Opportunity { get; } = new(
        "opportunity",
        (OpportunityStage.Prospecting, [OpportunityStage.Qualification, OpportunityStage.Proposal, OpportunityStage.Negotiation, OpportunityStage.ClosedWon, OpportunityStage.ClosedLost]),
        (OpportunityStage.Qualification, [OpportunityStage.Prospecting, OpportunityStage.Proposal, OpportunityStage.Negotiation, OpportunityStage.ClosedWon, OpportunityStage.ClosedLost]),
        (OpportunityStage.Proposal, [OpportunityStage.Prospecting, OpportunityStage.Qualification, OpportunityStage.Negotiation, OpportunityStage.ClosedWon, OpportunityStage.ClosedLost]),
        (OpportunityStage.Negotiation, [OpportunityStage.Prospecting, OpportunityStage.Qualification, OpportunityStage.Proposal, OpportunityStage.ClosedWon, OpportunityStage.ClosedLost]));

    /// <summary>Gets the engagement delivery lifecycle.</summary>
    public static Lifecycle<EngagementStatus> Engagement { get; } = new(
        "engagement",
        (EngagementStatus.Planned, [EngagementStatus.Active, EngagementStatus.Cancelled]),
        (EngagementStatus.Active, [EngagementStatus.OnHold, EngagementStatus.Completed, EngagementStatus.Cancelled]),
        (EngagementStatus.OnHold, [EngagementStatus.Active, EngagementStatus.Cancelled]));

    /// <summary>Gets the time entry approval lifecycle; approved is terminal (corrections are new entries).</summary>
    public static Lifecycle<TimeEntryStatus> TimeEntry { get; } = new(
        "time-entry",
        (TimeEntryStatus.Draft, [TimeEntryStatus.Submitted]),
        (TimeEntryStatus.Submitted, [TimeEntryStatus.Approved, TimeEntryStatus.Rejected, TimeEntryStatus.Draft]),
        (TimeEntryStatus.Rejected, [TimeEntryStatus.Draft, TimeEntryStatus.Submitted]));

    /// <summary>Gets the expense approval lifecycle.</summary>
    public static Lifecycle<ExpenseStatus> Expense { get; } = new(
        "expense",
        (ExpenseStatus.Draft, [ExpenseStatus.Submitted]),
        (ExpenseStatus.Submitted, [ExpenseStatus.Approved, ExpenseStatus.Rejected, ExpenseStatus.Draft]),
        (ExpenseStatus.Rejected, [ExpenseStatus.Draft, ExpenseStatus.Submitted]),
        (ExpenseStatus.Approved, [ExpenseStatus.Reimbursed]));

    /// <summary>Gets the milestone lifecycle.</summary>
    public static Lifecycle<MilestoneStatus> Milestone { get; } = new(
        "milestone",
        (MilestoneStatus.Planned, [MilestoneStatus.InProgress, MilestoneStatus.Cancelled]),
        (MilestoneStatus.InProgress, [MilestoneStatus.Completed, MilestoneStatus.Planned, MilestoneStatus.Cancelled]),
        (MilestoneStatus.Completed, [MilestoneStatus.Approved, MilestoneStatus.InProgress]),
        (MilestoneStatus.Approved, [MilestoneStatus.Billed]));

    /// <summary>Gets the billing event lifecycle.</summary>
    public static Lifecycle<BillingEventStatus> BillingEvent { get; } = new(
        "billing-event",
        (BillingEventStatus.Pending, [BillingEventStatus.Invoiced, BillingEventStatus.Cancelled]),
        (BillingEventStatus.Invoiced, [BillingEventStatus.Credited]));

    /// <summary>Gets the invoice lifecycle; paid and void are terminal.</summary>
    public static Lifecycle<InvoiceStatus> Invoice { get; } = new(
        "invoice",
        (InvoiceStatus.Draft, [InvoiceStatus.Posted, InvoiceStatus.Void]),
        (InvoiceStatus.Posted, [InvoiceStatus.Sent, InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid, InvoiceStatus.Disputed, InvoiceStatus.Void]),
        (InvoiceStatus.Sent, [InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid, InvoiceStatus.Disputed, InvoiceStatus.Void]),
        (InvoiceStatus.PartiallyPaid, [InvoiceStatus.Paid, InvoiceStatus.Disputed]),
        (InvoiceStatus.Disputed, [InvoiceStatus.Sent, InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid, InvoiceStatus.Void]));

    /// <summary>Gets the payment lifecycle.</summary>
    public static Lifecycle<PaymentStatus> Payment { get; } = new(
        "payment",
        (PaymentStatus.Pending, [PaymentStatus.Cleared, PaymentStatus.Failed]),
        (PaymentStatus.Cleared, [PaymentStatus.Refunded]));
}
