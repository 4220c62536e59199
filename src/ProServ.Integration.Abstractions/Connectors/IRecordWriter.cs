namespace ProServ.Integration.Connectors;

/// <summary>Creates or updates records of one canonical type in a target system, idempotently.</summary>
/// <typeparam name="TRecord">The canonical record type.</typeparam>
/// <remarks>
/// Writing twice with the same <see cref="WriteRequest{TRecord}.IdempotencyKey"/> must leave one record.
/// Failures throw <see cref="Errors.IntegrationException"/>; <see cref="Errors.IntegrationException.IsTransient"/>
/// says whether a retry may succeed. When the outcome of a write is unknown (the response was lost), callers use
/// <see cref="FindWriteAsync"/> before any resend.
/// </remarks>
public interface IRecordWriter<TRecord>
    where TRecord : class
{
    /// <summary>Creates or updates a record.</summary>
    /// <param name="request">The record, its idempotency key and, for an update, its external id.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The record's external id and version.</returns>
    ValueTask<WriteResult> WriteAsync(WriteRequest<TRecord> request, CancellationToken cancellationToken = default);

    /// <summary>Answers whether a write with the given idempotency key landed in the target system.</summary>
    /// <param name="tenantId">The tenant the record belongs to.</param>
    /// <param name="idempotencyKey">The idempotency key of the write.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The write's result when it landed, or <see langword="null"/> when it did not.</returns>
    /// <exception cref="NotSupportedException">The system cannot look up writes (<see cref="ConnectorCapabilities.CanLookupByIdempotencyKey"/> is <see langword="false"/>).</exception>
    ValueTask<WriteResult?> FindWriteAsync(string tenantId, string idempotencyKey, CancellationToken cancellationToken = default);
}
