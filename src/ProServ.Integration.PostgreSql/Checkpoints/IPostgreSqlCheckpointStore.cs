using Npgsql;
using ProServ.Integration.Checkpoints;

namespace ProServ.Integration.PostgreSql.Checkpoints;

/// <summary>
/// A checkpoint store on PostgreSQL that can also advance a cursor inside the caller's transaction, so that the records
/// written downstream and the cursor that covers them commit together or not at all.
/// </summary>
/// <remarks>Implemented by <see cref="PostgreSqlCheckpointStore"/>. Thread-safe.</remarks>
public interface IPostgreSqlCheckpointStore : ICheckpointStore
{
    /// <summary>
    /// Ensures the checkpoint table exists. Call once before the first
    /// <see cref="AdvanceAsync(NpgsqlTransaction, string, string, string, long, string, CancellationToken)"/>, so that
    /// start-up DDL never runs inside the caller's transaction.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the table exists.</returns>
    ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a stream's cursor forward inside <paramref name="transaction"/> if the stored version still equals
    /// <paramref name="expectedVersion"/>. Nothing is committed: the caller commits (or rolls back) its own writes and the
    /// cursor together. The transaction must be on a connection to this store's database; the row stays locked until it ends,
    /// so a concurrent advance of the same stream waits and then sees the new version.
    /// </summary>
    /// <param name="transaction">The caller's open transaction.</param>
    /// <param name="tenant">The tenant.</param>
    /// <param name="connector">The connector name.</param>
    /// <param name="stream">The stream name.</param>
    /// <param name="expectedVersion">The version the caller read; 0 when the stream has no checkpoint yet.</param>
    /// <param name="cursor">The new cursor.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The checkpoint as it will be once the transaction commits.</returns>
    /// <exception cref="ArgumentException">The transaction has completed, or a key argument is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="Errors.IntegrationException">
    /// With <see cref="CheckpointErrorCodes.Conflict"/> when the stored version differs; the caller should roll back.
    /// </exception>
    ValueTask<Checkpoint> AdvanceAsync(
        NpgsqlTransaction transaction,
        string tenant,
        string connector,
        string stream,
        long expectedVersion,
        string cursor,
        CancellationToken cancellationToken = default);
}
