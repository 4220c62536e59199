using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents an amount that is ready to be invoiced, produced from approved time, an approved milestone, an approved expense, a recurring period or an adjustment.</summary>
/// <remarks>Invariants: <see cref="Amount"/> is in the engagement's currency and rounded to minor units; it is negative only when <see cref="SourceKind"/> is <c>adjustment</c> (a credit). When <see cref="Quantity"/> and <see cref="UnitPrice"/> are set, <see cref="Amount"/> = (quantity x unit price) rounded half to even. <see cref="SourceId"/> is required for time-entry, milestone and expense sources. <see cref="ServiceDate"/> and <see cref="ServicePeriodEnd"/> are days in the engagement's time zone. Immutable; collections must not be mutated.</remarks>
public sealed record BillingEvent : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required BillingEventId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the engagement.</summary>
    public required EngagementId EngagementId { get; init; }

    /// <summary>Gets the contract line billed.</summary>
    public required ContractLineId ContractLineId { get; init; }

    /// <summary>Gets what produced the event.</summary>
    public required OpenEnum<BillingEventSourceKind> SourceKind { get; init; }

    /// <summary>Gets the id of the producing record (a time entry, milestone or expense id), if any.</summary>
    public Guid? SourceId { get; init; }

    /// <summary>Gets the day the service was delivered, or the first day of the billed period.</summary>
    public required DateOnly ServiceDate { get; init; }

    /// <summary>Gets the last day of the billed period (inclusive) for recurring billing, if any.</summary>
    public DateOnly? ServicePeriodEnd { get; init; }

    /// <summary>Gets the quantity billed, for example hours, if the amount is quantity times price.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>Gets the price of one unit, if the amount is quantity times price.</summary>
    public Money? UnitPrice { get; init; }

    /// <summary>Gets the amount to invoice, before tax.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the status; transitions follow <see cref="Lifecycles.BillingEvent"/>.</summary>
    public required OpenEnum<BillingEventStatus> Status { get; init; }

    /// <summary>Gets the text to put on the invoice line.</summary>
    public required string Description { get; init; }

    /// <summary>Gets when the event was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the invoice that billed the event, once invoiced.</summary>
    public InvoiceId? InvoiceId { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
