namespace ProServ.Integration.Connectors;

/// <summary>Fetches one record of a canonical type from a system by its external id.</summary>
/// <typeparam name="TRecord">The canonical record type.</typeparam>
/// <remarks>
/// Implemented by connectors whose system can fetch a record by id (<see cref="ConnectorCapabilities.CanLookupByExternalId"/>).
/// Failures throw <see cref="Errors.IntegrationException"/> with <see cref="Errors.IntegrationException.IsTransient"/> set.
/// </remarks>
public interface IRecordLookup<TRecord>
    where TRecord : class
{
    /// <summary>Fetches a record by its id in the system.</summary>
    /// <param name="tenantId">The tenant the record belongs to.</param>
    /// <param name="externalId">The record's id in the system.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The record as a change (a tombstone when the system reports it deleted), or <see langword="null"/> when the system does not know the id.</returns>
    ValueTask<RecordChange<TRecord>?> GetAsync(string tenantId, string externalId, CancellationToken cancellationToken = default);
}
