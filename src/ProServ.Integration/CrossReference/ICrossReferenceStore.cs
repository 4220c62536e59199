namespace ProServ.Integration.CrossReference;

/// <summary>
/// Maps canonical record ids to the ids the same record has in each external system (CRM, PSA, ERP), per tenant.
/// This is an extension point: a store author implements it and proves the implementation with the conformance suite
/// <c>CrossReferenceStoreConformanceTests</c> in the ProServ.Integration.Testing package.
/// </summary>
/// <remarks>
/// <para>
/// A link is unique per (tenant, system, record type, external id): one external id resolves to exactly one canonical id.
/// A canonical id belongs to one record type, and holds at most one external id per system, except after
/// <see cref="MergeAsync"/>, when the survivor keeps the loser's ids as aliases so that both resolve to it.
/// </para>
/// <para>All identifiers are compared ordinally (case-sensitive). Implementations are thread-safe.</para>
/// </remarks>
public interface ICrossReferenceStore
{
    /// <summary>
    /// Gets the canonical id linked to an external id, or atomically links a new canonical id to it. Two workers that
    /// meet the same new external record at the same time both receive the one canonical id that won.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recordType">The canonical record type name, for example <c>client</c>.</param>
    /// <param name="system">The external system key, for example <c>salesforce</c>.</param>
    /// <param name="externalId">The record's id in that system.</param>
    /// <param name="newCanonicalId">Creates the canonical id when none exists; it may be called even when another worker wins the race.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The canonical id and whether this call created the link.</returns>
    /// <exception cref="ArgumentException">An argument is empty or <paramref name="newCanonicalId"/> returned <see cref="Guid.Empty"/>.</exception>
    ValueTask<CrossReferenceResult> GetOrCreateAsync(
        string tenant,
        string recordType,
        string system,
        string externalId,
        Func<Guid> newCanonicalId,
        CancellationToken cancellationToken = default);

    /// <summary>Links another system's id to a canonical id. Linking the same pair again does nothing.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recordType">The canonical record type name.</param>
    /// <param name="canonicalId">The canonical id.</param>
    /// <param name="system">The external system key.</param>
    /// <param name="externalId">The record's id in that system.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the link is stored.</returns>
    /// <exception cref="ProServ.Integration.Errors.IntegrationException">
    /// With <see cref="CrossReferenceErrorCodes.Conflict"/>: the external id is linked to another canonical id, the canonical id
    /// already has another id in <paramref name="system"/>, or the canonical id belongs to another record type.
    /// </exception>
    ValueTask LinkAsync(
        string tenant,
        string recordType,
        Guid canonicalId,
        string system,
        string externalId,
        CancellationToken cancellationToken = default);

    /// <summary>Looks up the canonical ids of a page of external ids in one round trip.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recordType">The canonical record type name.</param>
    /// <param name="system">The external system key.</param>
    /// <param name="externalIds">The external ids; duplicates are allowed.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The canonical id of each external id that is linked; unknown ids are absent.</returns>
    ValueTask<IReadOnlyDictionary<string, Guid>> LookupManyAsync(
        string tenant,
        string recordType,
        string system,
        IReadOnlyCollection<string> externalIds,
        CancellationToken cancellationToken = default);

    /// <summary>Finds every external id linked to a canonical id.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="canonicalId">The canonical id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The links, ordered by system then external id; empty when the canonical id is unknown.</returns>
    ValueTask<IReadOnlyList<CrossReferenceLink>> FindExternalIdsAsync(
        string tenant,
        Guid canonicalId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a source system changed a record's id: the link moves from <paramref name="oldExternalId"/> to
    /// <paramref name="newExternalId"/> and a <see cref="CrossReferenceChangeKind.Rekeyed"/> history entry is written.
    /// Rekeying again to the same new id does nothing.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recordType">The canonical record type name.</param>
    /// <param name="system">The external system key.</param>
    /// <param name="oldExternalId">The id the system used before.</param>
    /// <param name="newExternalId">The id the system uses now.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The canonical id of the rekeyed record.</returns>
    /// <exception cref="ProServ.Integration.Errors.IntegrationException">
    /// With <see cref="CrossReferenceErrorCodes.NotFound"/> when the old id is not linked, or
    /// <see cref="CrossReferenceErrorCodes.Conflict"/> when the new id is linked to another canonical id.
    /// </exception>
    ValueTask<Guid> RekeyAsync(
        string tenant,
        string recordType,
        string system,
        string oldExternalId,
        string newExternalId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that two records were merged (in a source system or by a data steward): every link of
    /// <paramref name="loserCanonicalId"/> moves to <paramref name="survivorCanonicalId"/>, so the loser's external ids
    /// resolve to the survivor, and a <see cref="CrossReferenceChangeKind.Merged"/> history entry is written.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="recordType">The canonical record type name of both records.</param>
    /// <param name="loserCanonicalId">The canonical id that stops being used.</param>
    /// <param name="survivorCanonicalId">The canonical id that remains.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the links have moved.</returns>
    /// <exception cref="ArgumentException">The two ids are equal.</exception>
    /// <exception cref="ProServ.Integration.Errors.IntegrationException">
    /// With <see cref="CrossReferenceErrorCodes.NotFound"/> when either id has no link of <paramref name="recordType"/>.
    /// </exception>
    ValueTask MergeAsync(
        string tenant,
        string recordType,
        Guid loserCanonicalId,
        Guid survivorCanonicalId,
        CancellationToken cancellationToken = default);

    /// <summary>Gets the rekey and merge history that involves a canonical id, as loser, survivor or owner.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="canonicalId">The canonical id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The entries, oldest first.</returns>
    ValueTask<IReadOnlyList<CrossReferenceHistoryEntry>> GetHistoryAsync(
        string tenant,
        Guid canonicalId,
        CancellationToken cancellationToken = default);
}
