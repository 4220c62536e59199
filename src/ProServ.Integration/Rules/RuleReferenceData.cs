using ProServ.Integration.Model;

namespace ProServ.Integration.Rules;

/// <summary>Provides the related records business rules look up: engagements, contract lines, assignments, invoices and hours already booked.</summary>
/// <remarks>
/// A designed extension point: derive from it to read a store, a cache or the PSA itself, and override the lookups the
/// rule sets you use need. Every lookup is a <see cref="ValueTask{TResult}"/>, so an in-memory answer costs no allocation.
/// The base implementation knows nothing: finds return <see langword="null"/> (which rules report as "not found"), lists
/// are empty and booked hours are zero. Implementations must be thread-safe.
/// </remarks>
public abstract class RuleReferenceData
{
    /// <summary>Gets reference data that knows no records.</summary>
    public static RuleReferenceData None { get; } = new EmptyRuleReferenceData();

    /// <summary>Finds an engagement.</summary>
    /// <param name="id">The engagement id.</param>
    /// <param name="cancellationToken">A token to cancel the lookup.</param>
    /// <returns>The engagement, or <see langword="null"/> when it is not known.</returns>
    public virtual ValueTask<Engagement?> FindEngagementAsync(EngagementId id, CancellationToken cancellationToken) => default;

    /// <summary>Finds a contract line.</summary>
    /// <param name="id">The contract line id.</param>
    /// <param name="cancellationToken">A token to cancel the lookup.</param>
    /// <returns>The contract line, or <see langword="null"/> when it is not known.</returns>
    public virtual ValueTask<ContractLine?> FindContractLineAsync(ContractLineId id, CancellationToken cancellationToken) => default;

    /// <summary>Finds a resource assignment.</summary>
    /// <param name="id">The assignment id.</param>
    /// <param name="cancellationToken">A token to cancel the lookup.</param>
    /// <returns>The assignment, or <see langword="null"/> when it is not known.</returns>
    public virtual ValueTask<ResourceAssignment?> FindAssignmentAsync(ResourceAssignmentId id, CancellationToken cancellationToken) => default;

    /// <summary>Gets the contract lines of an engagement.</summary>
    /// <param name="engagementId">The engagement id.</param>
    /// <param name="cancellationToken">A token to cancel the lookup.</param>
    /// <returns>The lines; empty when none are known.</returns>
    public virtual ValueTask<IReadOnlyList<ContractLine>> GetContractLinesAsync(EngagementId engagementId, CancellationToken cancellationToken) =>
        new(Array.Empty<ContractLine>());

    /// <summary>Gets the invoices of an engagement.</summary>
    /// <param name="engagementId">The engagement id.</param>
    /// <param name="cancellationToken">A token to cancel the lookup.</param>
    /// <returns>The invoices; empty when none are known.</returns>
    public virtual ValueTask<IReadOnlyList<Invoice>> GetInvoicesAsync(EngagementId engagementId, CancellationToken cancellationToken) =>
        new(Array.Empty<Invoice>());

    /// <summary>Gets the hours a person already has booked on a day, over all engagements, not counting rejected entries nor the entry being checked.</summary>
    /// <param name="resourceId">The person.</param>
    /// <param name="workDate">The day.</param>
    /// <param name="excluding">The entry being checked; its own (earlier) version is not counted.</param>
    /// <param name="cancellationToken">A token to cancel the lookup.</param>
    /// <returns>The hours; zero when none are known.</returns>
    public virtual ValueTask<decimal> GetBookedHoursAsync(ResourceId resourceId, DateOnly workDate, TimeEntryId excluding, CancellationToken cancellationToken) => default;

    private sealed class EmptyRuleReferenceData : RuleReferenceData;
}
