namespace ProServ.Integration.Mapping;

/// <summary>Resolves vendor ids to canonical ids (cross-references), many at a time. The durable stores implement it; <see cref="InMemoryCrossReferenceResolver"/> serves tests.</summary>
/// <remarks>Implementations are thread-safe. A mapping calls <see cref="ResolveManyAsync"/> once per (record type, system) for a whole batch of source records.</remarks>
public interface ICrossReferenceResolver
{
    /// <summary>Resolves external ids of one system to canonical ids of one record type.</summary>
    /// <param name="tenantId">The tenant the records belong to.</param>
    /// <param name="recordType">The canonical schema name of the record type, for example <c>client</c>.</param>
    /// <param name="system">The external system, for example <c>salesforce</c>.</param>
    /// <param name="externalIds">The external ids, distinct.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>The canonical id of each external id that has one; ids without a cross-reference are absent.</returns>
    ValueTask<IReadOnlyDictionary<string, Guid>> ResolveManyAsync(
        string tenantId,
        string recordType,
        string system,
        IReadOnlyCollection<string> externalIds,
        CancellationToken cancellationToken);
}
