using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents a person (employee or contractor) who delivers work and books time.</summary>
/// <remarks>Mastered in the PSA or the HR system. Immutable; collections must not be mutated.</remarks>
public sealed record Resource : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required ResourceId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the person's full name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the person's work email address.</summary>
    public required string Email { get; init; }

    /// <summary>Gets the person's default role, matched against rate card roles, for example <c>Senior Consultant</c>.</summary>
    public required string Role { get; init; }

    /// <summary>Gets the cost centre the person's cost is booked to, if any.</summary>
    public string? CostCentre { get; init; }

    /// <summary>Gets whether the person is bookable.</summary>
    public required OpenEnum<ResourceStatus> Status { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
