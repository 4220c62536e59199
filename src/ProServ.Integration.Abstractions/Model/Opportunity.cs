using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents a sales opportunity in the CRM: a prospective engagement for a client.</summary>
/// <remarks>When <see cref="Stage"/> becomes <c>closed-won</c>, an <see cref="Engagement"/> is created from it. <see cref="CloseDate"/> is a calendar date in the firm's reporting time zone. Immutable; collections must not be mutated.</remarks>
public sealed record Opportunity : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required OpportunityId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the client the opportunity is for.</summary>
    public required ClientId ClientId { get; init; }

    /// <summary>Gets the opportunity's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the sales stage; transitions follow <see cref="Lifecycles.Opportunity"/>.</summary>
    public required OpenEnum<OpportunityStage> Stage { get; init; }

    /// <summary>Gets the expected contract value, rounded to the currency's minor units.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the expected (or, when closed, actual) close date.</summary>
    public required DateOnly CloseDate { get; init; }

    /// <summary>Gets the win probability in percent, 0 to 100.</summary>
    public required int Probability { get; init; }

    /// <summary>Gets the intended billing method, if known.</summary>
    public OpenEnum<BillingMethod>? BillingMethod { get; init; }

    /// <summary>Gets the practice or service line, for example <c>cloud-migration</c>, if known.</summary>
    public string? ServiceLine { get; init; }

    /// <summary>Gets the firm's legal entity that will contract, if known.</summary>
    public string? LegalEntity { get; init; }

    /// <summary>Gets the intended project manager, if known.</summary>
    public ResourceId? ProjectManagerId { get; init; }

    /// <summary>Gets the expected start of delivery, if known.</summary>
    public DateOnly? ExpectedStartDate { get; init; }

    /// <summary>Gets the CRM user who owns the opportunity, as the CRM identifies them (for example an email address).</summary>
    public required string Owner { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
