using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents a deliverable of an engagement that is billed a fixed amount once the client approves it.</summary>
/// <remarks><see cref="DueDate"/> is a day in the engagement's time zone. <see cref="Amount"/> is in the engagement's currency, rounded to minor units, and not negative. Immutable; collections must not be mutated.</remarks>
public sealed record Milestone : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required MilestoneId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the engagement.</summary>
    public required EngagementId EngagementId { get; init; }

    /// <summary>Gets the contract line the milestone bills against, if any.</summary>
    public ContractLineId? ContractLineId { get; init; }

    /// <summary>Gets the milestone's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the planned delivery date.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>Gets the amount billed on approval.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the status; transitions follow <see cref="Lifecycles.Milestone"/>.</summary>
    public required OpenEnum<MilestoneStatus> Status { get; init; }

    /// <summary>Gets when the client approved the milestone; set from <c>approved</c> on.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
