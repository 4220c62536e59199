namespace ProServ.Integration.Events;

/// <summary>Holds the CloudEvents <c>type</c> of every business event: reverse-DNS <c>dev.proserv.&lt;record&gt;.&lt;occurrence&gt;.v&lt;major&gt;</c>.</summary>
/// <remarks>A type names the occurrence and the major version of its data's schema; a breaking data change is a new type.</remarks>
public static class BusinessEventTypes
{
    /// <summary>An opportunity reached the <c>closed-won</c> stage; data: an <see cref="Model.Opportunity"/>.</summary>
    public const string OpportunityClosedWon = "dev.proserv.opportunity.closed-won.v1";

    /// <summary>An engagement became <c>active</c>; data: an <see cref="Model.Engagement"/>.</summary>
    public const string EngagementActivated = "dev.proserv.engagement.activated.v1";

    /// <summary>A time entry was approved; data: a <see cref="Model.TimeEntry"/>.</summary>
    public const string TimeEntryApproved = "dev.proserv.time-entry.approved.v1";

    /// <summary>A milestone was approved by the client; data: a <see cref="Model.Milestone"/>.</summary>
    public const string MilestoneApproved = "dev.proserv.milestone.approved.v1";

    /// <summary>A billing event was created; data: a <see cref="Model.BillingEvent"/>.</summary>
    public const string BillingEventCreated = "dev.proserv.billing-event.created.v1";

    /// <summary>An invoice was posted to the ledger; data: an <see cref="Model.Invoice"/>.</summary>
    public const string InvoicePosted = "dev.proserv.invoice.posted.v1";

    /// <summary>A payment was received; data: a <see cref="Model.Payment"/>.</summary>
    public const string PaymentReceived = "dev.proserv.payment.received.v1";

    /// <summary>Gets every event type, in quote-to-cash order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        OpportunityClosedWon, EngagementActivated, TimeEntryApproved, MilestoneApproved, BillingEventCreated, InvoicePosted, PaymentReceived,
    ];
}
