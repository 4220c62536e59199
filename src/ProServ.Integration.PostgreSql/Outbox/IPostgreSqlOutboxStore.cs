using Npgsql;
using ProServ.Integration.Outbox;

namespace ProServ.Integration.PostgreSql.Outbox;

/// <summary>
/// An outbox on PostgreSQL that can also enqueue inside the caller's transaction, so that a state change and the events it
/// caused commit together or not at all (the transactional outbox).
/// </summary>
/// <remarks>Implemented by <see cref="PostgreSqlOutboxStore"/>. Thread-safe.</remarks>
public interface IPostgreSqlOutboxStore : IOutboxStore
{
    /// <summary>
    /// Ensures the outbox table exists. Call once before the first
    /// <see cref="EnqueueAsync(NpgsqlTransaction, OutboxMessage, CancellationToken)"/>, so that start-up DDL never runs
    /// inside the caller's transaction.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the table exists.</returns>
    ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a message inside <paramref name="transaction"/>; nothing is committed. The message becomes visible to relays
    /// when the caller commits, and vanishes if the caller rolls back. The transaction must be on a connection to this
    /// store's database.
    /// </summary>
    /// <param name="transaction">The caller's open transaction.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when the message was stored; <see langword="false"/> when its tenant and id were already there.</returns>
    /// <exception cref="ArgumentException">The transaction has completed, or a field of <paramref name="message"/> is invalid.</exception>
    ValueTask<bool> EnqueueAsync(NpgsqlTransaction transaction, OutboxMessage message, CancellationToken cancellationToken = default);
}
