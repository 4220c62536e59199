using ProServ.Integration.Model;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Events;

/// <summary>Creates <see cref="BusinessEvent"/> envelopes around canonical records for one producer.</summary>
/// <remarks>
/// Each event gets a new UUIDv7 id and its time from the injected <see cref="TimeProvider"/>. Given the event that caused
/// it, a new event carries over the cause's correlation id and takes the cause's id as its causation id; without a cause
/// it starts a new chain whose correlation id is its own id. Thread-safe.
/// </remarks>
public sealed class BusinessEventFactory
{
    private readonly TimeProvider timeProvider;

    /// <summary>Initializes a new instance of the <see cref="BusinessEventFactory"/> class.</summary>
    /// <param name="source">The producer's URI-reference, written as every event's <c>source</c>.</param>
    /// <param name="timeProvider">The clock for event ids and times.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public BusinessEventFactory(Uri source, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Source = source;
        this.timeProvider = timeProvider;
    }

    /// <summary>Gets the producer's URI-reference.</summary>
    public Uri Source { get; }

    /// <summary>Creates an event of any type around a canonical record.</summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="type">The event type, usually one of <see cref="BusinessEventTypes"/>.</param>
    /// <param name="data">The record.</param>
    /// <param name="subject">The subject, usually the record's id.</param>
    /// <param name="causedBy">The event that caused this one, if any.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException"><paramref name="type"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> or <paramref name="data"/> is <see langword="null"/>.</exception>
    public BusinessEvent Create<TRecord>(string type, TRecord data, string? subject, BusinessEvent? causedBy = null)
        where TRecord : class, ICanonicalRecord
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(data);
        var id = EventId.New(timeProvider);
        return new BusinessEvent
        {
            Id = id,
            Source = Source,
            Type = type,
            SpecVersion = BusinessEvent.CloudEventsSpecVersion,
            Subject = subject,
            Time = timeProvider.GetUtcNow(),
            DataContentType = BusinessEvent.JsonContentType,
            DataSchema = CanonicalSchemaIds.For(typeof(TRecord)),
            CorrelationId = causedBy?.CorrelationId ?? id.ToString(),
            CausationId = causedBy?.Id.ToString(),
            TenantId = data.TenantId,
            Data = CanonicalJson.SerializeToElement(data),
        };
    }

    /// <summary>Creates <see cref="BusinessEventTypes.OpportunityClosedWon"/>.</summary>
    /// <param name="opportunity">The opportunity, in stage <c>closed-won</c>.</param>
    /// <param name="causedBy">The event that caused this one, if any.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException">The opportunity is not closed-won.</exception>
    public BusinessEvent OpportunityClosedWon(Opportunity opportunity, BusinessEvent? causedBy = null)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        Require(nameof(opportunity), opportunity.Stage == OpportunityStage.ClosedWon, "opportunity stage", "closed-won", opportunity.Stage.RawValue);
        return Create(BusinessEventTypes.OpportunityClosedWon, opportunity, opportunity.Id.ToString(), causedBy);
    }

    /// <summary>Creates <see cref="BusinessEventTypes.EngagementActivated"/>.</summary>
    /// <param name="engagement">The engagement, in status <c>active</c>.</param>
    /// <param name="causedBy">The event that caused this one, if any.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException">The engagement is not active.</exception>
    public BusinessEvent EngagementActivated(Engagement engagement, BusinessEvent? causedBy = null)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        Require(nameof(engagement), engagement.Status == EngagementStatus.Active, "engagement status", "active", engagement.Status.RawValue);
        return Create(BusinessEventTypes.EngagementActivated, engagement, engagement.Id.ToString(), causedBy);
    }

    /// <summary>Creates <see cref="BusinessEventTypes.TimeEntryApproved"/>.</summary>
    /// <param name="timeEntry">The time entry, in status <c>approved</c>.</param>
    /// <param name="causedBy">The event that caused this one, if any.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException">The time entry is not approved.</exception>
    public BusinessEvent TimeEntryApproved(TimeEntry timeEntry, BusinessEvent? causedBy = null)
    {
        ArgumentNullException.ThrowIfNull(timeEntry);
        Require(nameof(timeEntry), timeEntry.Status == TimeEntryStatus.Approved, "time entry status", "approved", timeEntry.Status.RawValue);
        return Create(BusinessEventTypes.TimeEntryApproved, timeEntry, timeEntry.Id.ToString(), causedBy);
    }

    /// <summary>Creates <see cref="BusinessEventTypes.MilestoneApproved"/>.</summary>
    /// <param name="milestone">The milestone, in status <c>approved</c>.</param>
    /// <param name="causedBy">The event that caused this one, if any.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException">The milestone is not approved.</exception>
    public BusinessEvent MilestoneApproved(Milestone milestone, BusinessEvent? causedBy = null)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        Require(nameof(milestone), milestone.Status == MilestoneStatus.Approved, "milestone status", "approved", milestone.Status.RawValue);
        return Create(BusinessEventTypes.MilestoneApproved, milestone, milestone.Id.ToString(), causedBy);
    }

    /// <summary>Creates <see cref="BusinessEventTypes.BillingEventCreated"/>.</summary>
    /// <param name="billingEvent">The billing event.</param>
    /// <param name="causedBy">The event that caused this one, if any.</param>
    /// <returns>The event.</returns>
    public BusinessEvent BillingEventCreated(BillingEvent billingEvent, BusinessEvent? causedBy = null)
    {
        ArgumentNullException.ThrowIfNull(billingEvent);
        return Create(BusinessEventTypes.BillingEventCreated, billingEvent, billingEvent.Id.ToString(), causedBy);
    }

    /// <summary>Creates <see cref="BusinessEventTypes.InvoicePosted"/>.</summary>
    /// <param name="invoice">The invoice, in status <c>posted</c>.</param>
    /// <param name="causedBy">The event that caused this one, if any.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentException">The invoice is not posted.</exception>
    public BusinessEvent InvoicePosted(Invoice invoice, BusinessEvent? causedBy = null)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        Require(nameof(invoice), invoice.Status == InvoiceStatus.Posted, "invoice status", "posted", invoice.Status.RawValue);
        return Create(BusinessEventTypes.InvoicePosted, invoice, invoice.Id.ToString(), causedBy);
    }

    /// <summary>Creates <see cref="BusinessEventTypes.PaymentReceived"/>.</summary>
    /// <param name="payment">The payment.</param>
    /// <param name="causedBy">The event that caused this one, if any.</param>
    /// <returns>The event.</returns>
    public BusinessEvent PaymentReceived(Payment payment, BusinessEvent? causedBy = null)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return Create(BusinessEventTypes.PaymentReceived, payment, payment.Id.ToString(), causedBy);
    }

    private static void Require(string paramName, bool condition, string what, string expected, string actual)
    {
        if (!condition)
        {
            throw new ArgumentException($"The {what} must be '{expected}' for this event, not '{actual}'.", paramName);
        }
    }
}
