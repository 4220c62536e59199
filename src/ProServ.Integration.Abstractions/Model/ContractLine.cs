using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents one billable line of an engagement's contract: what is billed, how, and at which prices.</summary>
/// <remarks>By <see cref="BillingMethod"/>: time-and-materials lines carry a <see cref="RateCard"/> (and optionally <see cref="NotToExceed"/>); fixed-fee and milestone lines carry <see cref="FixedAmount"/>; retainer and subscription lines carry <see cref="RecurringAmount"/> and <see cref="RecurrencePeriod"/>. Every amount is in <see cref="Currency"/>. Dates are inclusive, in the engagement's time zone. Immutable; collections must not be mutated.</remarks>
public sealed record ContractLine : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required ContractLineId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the engagement the line belongs to.</summary>
    public required EngagementId EngagementId { get; init; }

    /// <summary>Gets the line's description, as it appears on invoices.</summary>
    public required string Description { get; init; }

    /// <summary>Gets how the line is billed.</summary>
    public required OpenEnum<BillingMethod> BillingMethod { get; init; }

    /// <summary>Gets the currency of every amount of the line.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>Gets the hourly rates by role for time-and-materials billing; empty otherwise.</summary>
    public IReadOnlyList<RateCardEntry> RateCard { get => field ?? []; init; }

    /// <summary>Gets the cap on time-and-materials billing, if any.</summary>
    public Money? NotToExceed { get; init; }

    /// <summary>Gets the total fee of a fixed-fee or milestone line.</summary>
    public Money? FixedAmount { get; init; }

    /// <summary>Gets the amount billed per period of a retainer or subscription line.</summary>
    public Money? RecurringAmount { get; init; }

    /// <summary>Gets the billing period of a retainer or subscription line.</summary>
    public OpenEnum<RecurrencePeriod>? RecurrencePeriod { get; init; }

    /// <summary>Gets the first day the line is in force.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Gets the last day the line is in force, or <see langword="null"/> when open-ended.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Gets the line's status.</summary>
    public required OpenEnum<ContractLineStatus> Status { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
        JsonListGuard.NoNullElements(RateCard, "rateCard");
    }
}
