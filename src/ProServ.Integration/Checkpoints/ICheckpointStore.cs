namespace ProServ.Integration.Checkpoints;

/// <summary>
/// Stores, per (tenant, connector, stream), the cursor up to which a sync has committed its records downstream.
/// This is an extension point: a store author implements it and proves the implementation with the conformance suite
/// <c>CheckpointStoreConformanceTests</c> in the ProServ.Integration.Testing package.
/// </summary>
/// <remarks>
/// <para>
/// The cursor is opaque to the store: a vendor's page token, a change-feed sequence number or a modified-since stamp.
/// A caller advances it only after every record up to it has been committed downstream, so that a crash replays records
/// (which idempotency makes harmless) rather than skips them.
/// </para>
/// <para>
/// Every advance names the version it read; a lost race (another worker advanced first) throws
/// <see cref="CheckpointErrorCodes.Conflict"/> and leaves the stored checkpoint unchanged. Implementations are thread-safe.
/// </para>
/// </remarks>
public interface ICheckpointStore
{
    /// <summary>Gets the checkpoint of a stream.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="connector">The connector name, for example <c>salesforce-crm</c>.</param>
    /// <param name="stream">The stream name within the connector, for example <c>opportunities</c>.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The checkpoint, or <see langword="null"/> when the stream has never advanced (treat its version as 0).</returns>
    ValueTask<Checkpoint?> GetAsync(string tenant, string connector, string stream, CancellationToken cancellationToken = default);

    /// <summary>Moves a stream's cursor forward if the stored version still equals <paramref name="expectedVersion"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="connector">The connector name.</param>
    /// <param name="stream">The stream name.</param>
    /// <param name="expectedVersion">The version the caller read; 0 when the stream has no checkpoint yet.</param>
    /// <param name="cursor">The new cursor: the position after the last record committed downstream.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The stored checkpoint, whose version is <paramref name="expectedVersion"/> + 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ProServ.Integration.Errors.IntegrationException">
    /// With <see cref="CheckpointErrorCodes.Conflict"/> when the stored version differs from <paramref name="expectedVersion"/>.
    /// </exception>
    ValueTask<Checkpoint> AdvanceAsync(
        string tenant,
        string connector,
        string stream,
        long expectedVersion,
        string cursor,
        CancellationToken cancellationToken = default);
}
