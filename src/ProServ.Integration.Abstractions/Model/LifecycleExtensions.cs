namespace ProServ.Integration.Model;

/// <summary>Provides <c>CanTransitionTo</c> and <c>EnsureTransitionTo</c> on every lifecycle status, reading <see cref="Lifecycles"/>.</summary>
public static class LifecycleExtensions
{
    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Opportunity"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this OpportunityStage from, OpenEnum<OpportunityStage> to) => Lifecycles.Opportunity.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Opportunity"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this OpportunityStage from, OpenEnum<OpportunityStage> to) => Lifecycles.Opportunity.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Opportunity"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this OpenEnum<OpportunityStage> from, OpenEnum<OpportunityStage> to) => Lifecycles.Opportunity.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Opportunity"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this OpenEnum<OpportunityStage> from, OpenEnum<OpportunityStage> to) => Lifecycles.Opportunity.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Engagement"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this EngagementStatus from, OpenEnum<EngagementStatus> to) => Lifecycles.Engagement.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Engagement"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this EngagementStatus from, OpenEnum<EngagementStatus> to) => Lifecycles.Engagement.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Engagement"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this OpenEnum<EngagementStatus> from, OpenEnum<EngagementStatus> to) => Lifecycles.Engagement.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Engagement"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this OpenEnum<EngagementStatus> from, OpenEnum<EngagementStatus> to) => Lifecycles.Engagement.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.TimeEntry"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this TimeEntryStatus from, OpenEnum<TimeEntryStatus> to) => Lifecycles.TimeEntry.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.TimeEntry"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this TimeEntryStatus from, OpenEnum<TimeEntryStatus> to) => Lifecycles.TimeEntry.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.TimeEntry"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this OpenEnum<TimeEntryStatus> from, OpenEnum<TimeEntryStatus> to) => Lifecycles.TimeEntry.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.TimeEntry"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this OpenEnum<TimeEntryStatus> from, OpenEnum<TimeEntryStatus> to) => Lifecycles.TimeEntry.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Expense"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this ExpenseStatus from, OpenEnum<ExpenseStatus> to) => Lifecycles.Expense.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Expense"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this ExpenseStatus from, OpenEnum<ExpenseStatus> to) => Lifecycles.Expense.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Expense"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this OpenEnum<ExpenseStatus> from, OpenEnum<ExpenseStatus> to) => Lifecycles.Expense.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Expense"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this OpenEnum<ExpenseStatus> from, OpenEnum<ExpenseStatus> to) => Lifecycles.Expense.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Milestone"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this MilestoneStatus from, OpenEnum<MilestoneStatus> to) => Lifecycles.Milestone.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Milestone"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this MilestoneStatus from, OpenEnum<MilestoneStatus> to) => Lifecycles.Milestone.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Milestone"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this OpenEnum<MilestoneStatus> from, OpenEnum<MilestoneStatus> to) => Lifecycles.Milestone.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Milestone"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this OpenEnum<MilestoneStatus> from, OpenEnum<MilestoneStatus> to) => Lifecycles.Milestone.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.BillingEvent"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this BillingEventStatus from, OpenEnum<BillingEventStatus> to) => Lifecycles.BillingEvent.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.BillingEvent"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this BillingEventStatus from, OpenEnum<BillingEventStatus> to) => Lifecycles.BillingEvent.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.BillingEvent"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this OpenEnum<BillingEventStatus> from, OpenEnum<BillingEventStatus> to) => Lifecycles.BillingEvent.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.BillingEvent"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this OpenEnum<BillingEventStatus> from, OpenEnum<BillingEventStatus> to) => Lifecycles.BillingEvent.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Invoice"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this InvoiceStatus from, OpenEnum<InvoiceStatus> to) => Lifecycles.Invoice.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Invoice"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this InvoiceStatus from, OpenEnum<InvoiceStatus> to) => Lifecycles.Invoice.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Invoice"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this OpenEnum<InvoiceStatus> from, OpenEnum<InvoiceStatus> to) => Lifecycles.Invoice.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Invoice"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this OpenEnum<InvoiceStatus> from, OpenEnum<InvoiceStatus> to) => Lifecycles.Invoice.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Payment"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this PaymentStatus from, OpenEnum<PaymentStatus> to) => Lifecycles.Payment.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Payment"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this PaymentStatus from, OpenEnum<PaymentStatus> to) => Lifecycles.Payment.EnsureTransition(from, to);

    /// <summary>Determines whether a record in this status may move to <paramref name="to"/>; see <see cref="Lifecycles.Payment"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool CanTransitionTo(this OpenEnum<PaymentStatus> from, OpenEnum<PaymentStatus> to) => Lifecycles.Payment.CanTransition(from, to);

    /// <summary>Throws when a record in this status may not move to <paramref name="to"/>; see <see cref="Lifecycles.Payment"/>.</summary>
    /// <param name="from">The current status.</param>
    /// <param name="to">The new status.</param>
    /// <exception cref="Errors.IntegrationException">The transition is not allowed (code <c>lifecycle.invalid-transition</c>).</exception>
    public static void EnsureTransitionTo(this OpenEnum<PaymentStatus> from, OpenEnum<PaymentStatus> to) => Lifecycles.Payment.EnsureTransition(from, to);
}
