using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents a client engagement (project) delivered by the firm, created from a won opportunity.</summary>
/// <remarks>Mastered in the PSA. Every calendar date of the engagement and of its time entries, expenses, milestones and billing events (work dates, service dates, due dates) is a day in <see cref="TimeZone"/>. Amounts of the engagement are in <see cref="Currency"/>. Immutable; collections must not be mutated.</remarks>
public sealed record Engagement : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required EngagementId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the client the work is for.</summary>
    public required ClientId ClientId { get; init; }

    /// <summary>Gets the won opportunity the engagement came from, if any.</summary>
    public OpportunityId? OpportunityId { get; init; }

    /// <summary>Gets the engagement's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the short project code used on timesheets and invoices, for example <c>ACME-2026-014</c>, if any.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the delivery status; transitions follow <see cref="Lifecycles.Engagement"/>.</summary>
    public required OpenEnum<EngagementStatus> Status { get; init; }

    /// <summary>Gets the main billing method; contract lines may differ.</summary>
    public required OpenEnum<BillingMethod> BillingMethod { get; init; }

    /// <summary>Gets the firm's legal entity that delivers and bills.</summary>
    public required string LegalEntity { get; init; }

    /// <summary>Gets the practice or service line.</summary>
    public required string ServiceLine { get; init; }

    /// <summary>Gets the project manager.</summary>
    public required ResourceId ProjectManagerId { get; init; }

    /// <summary>Gets the first day of delivery.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Gets the last day of delivery (inclusive), or <see langword="null"/> when open-ended.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Gets the IANA time zone id the engagement's calendar dates are in, for example <c>Europe/Berlin</c>.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Gets the billing currency.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
