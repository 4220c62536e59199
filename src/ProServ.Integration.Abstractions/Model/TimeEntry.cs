using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents hours a resource worked on an engagement on one day.</summary>
/// <remarks>Invariants: 0 &lt; <see cref="Hours"/> &lt;= 24 with at most 2 fractional digits; <see cref="WorkDate"/> is a day in the engagement's time zone; <see cref="SubmittedAt"/> is set from <c>submitted</c> on and <see cref="ApprovedAt"/>/<see cref="ApprovedBy"/> when <c>approved</c>. Immutable; collections must not be mutated.</remarks>
public sealed record TimeEntry : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required TimeEntryId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the engagement the time is booked to.</summary>
    public required EngagementId EngagementId { get; init; }

    /// <summary>Gets the person who worked.</summary>
    public required ResourceId ResourceId { get; init; }

    /// <summary>Gets the assignment the time is booked under, if known.</summary>
    public ResourceAssignmentId? AssignmentId { get; init; }

    /// <summary>Gets the contract line the time bills against, if known.</summary>
    public ContractLineId? ContractLineId { get; init; }

    /// <summary>Gets the day the work was done.</summary>
    public required DateOnly WorkDate { get; init; }

    /// <summary>Gets the hours worked, greater than 0 and at most 24, with at most 2 fractional digits.</summary>
    public required decimal Hours { get; init; }

    /// <summary>Gets a value indicating whether the time is billable to the client.</summary>
    public required bool Billable { get; init; }

    /// <summary>Gets the work description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the approval status; transitions follow <see cref="Lifecycles.TimeEntry"/>.</summary>
    public required OpenEnum<TimeEntryStatus> Status { get; init; }

    /// <summary>Gets when the entry was submitted for approval.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>Gets when the entry was approved.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>Gets who approved the entry.</summary>
    public ResourceId? ApprovedBy { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
