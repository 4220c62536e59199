using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents the assignment of a resource to an engagement in a role, for a period.</summary>
/// <remarks>Dates are inclusive days in the engagement's time zone. <see cref="BillRate"/>, when set, overrides the rate card for this person. Immutable; collections must not be mutated.</remarks>
public sealed record ResourceAssignment : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required ResourceAssignmentId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the engagement.</summary>
    public required EngagementId EngagementId { get; init; }

    /// <summary>Gets the person.</summary>
    public required ResourceId ResourceId { get; init; }

    /// <summary>Gets the role on this engagement.</summary>
    public required string Role { get; init; }

    /// <summary>Gets the first day of the assignment.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Gets the last day of the assignment, or <see langword="null"/> when open-ended.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>Gets the share of the person's capacity planned on the engagement, in percent, 1 to 100.</summary>
    public required int AllocationPercent { get; init; }

    /// <summary>Gets the hourly bill rate for this person on this engagement, overriding the rate card, if any.</summary>
    public Money? BillRate { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
