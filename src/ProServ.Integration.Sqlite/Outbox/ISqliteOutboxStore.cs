using Microsoft.Data.Sqlite;
using ProServ.Integration.Outbox;

namespace ProServ.Integration.Sqlite.Outbox;

/// <summary>
/// An outbox on SQLite that can also enqueue inside the caller's transaction, so that a state change and the events it
/// caused commit together or not at all (the transactional outbox).
/// </summary>
/// <remarks>Obtain it from <see cref="SqliteOutboxStores.Create"/>. Thread-safe.</remarks>
public interface ISqliteOutboxStore : IOutboxStore
{
    /// <summary>
    /// Ensures the outbox table exists. Call once before the first
    /// <see cref="EnqueueAsync(SqliteTransaction, OutboxMessage, CancellationToken)"/>, because DDL cannot run inside the caller's transaction.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the table exists.</returns>
    ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a message inside <paramref name="transaction"/>; nothing is committed. The message becomes visible to relays
    /// when the caller commits, and vanishes if the caller rolls back. The transaction must be on a connection to this
    /// store's database and should have been begun with <c>BeginTransaction(deferred: false)</c>.
    /// </summary>
    /// <param name="transaction">The caller's open transaction.</param>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> when the message was stored; <see langword="false"/> when its tenant and id were already there.</returns>
    /// <exception cref="ArgumentException">The transaction has completed, or a field of <paramref name="message"/> is invalid.</exception>
    ValueTask<bool> EnqueueAsync(SqliteTransaction transaction, OutboxMessage message, CancellationToken cancellationToken = default);
}
