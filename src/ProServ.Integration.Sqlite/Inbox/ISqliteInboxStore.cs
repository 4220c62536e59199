using Microsoft.Data.Sqlite;
using ProServ.Integration.Inbox;

namespace ProServ.Integration.Sqlite.Inbox;

/// <summary>
/// An inbox on SQLite that can also record inside the caller's transaction, so that a handler's writes and the mark
/// "handled" commit together or not at all.
/// </summary>
/// <remarks>Obtain it from <see cref="SqliteInboxStores.Create"/>. Thread-safe.</remarks>
public interface ISqliteInboxStore : IInboxStore
{
    /// <summary>
    /// Ensures the inbox table exists. Call once before the first
    /// <see cref="TryRecordAsync(SqliteTransaction, string, string, CancellationToken)"/>, because DDL cannot run inside the caller's transaction.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the table exists.</returns>
    ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records inside <paramref name="transaction"/> that <paramref name="consumer"/> handles <paramref name="messageId"/>,
    /// unless it already did; nothing is committed. On <see langword="false"/> the caller should roll back (the message is a
    /// duplicate). Begin the transaction with <c>BeginTransaction(deferred: false)</c> so that a concurrent duplicate waits
    /// for the commit instead of failing.
    /// </summary>
    /// <param name="transaction">The caller's open transaction.</param>
    /// <param name="consumer">The consumer name.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> for the first record of the pair.</returns>
    /// <exception cref="ArgumentException">The transaction has completed, or an argument is empty or too long.</exception>
    ValueTask<bool> TryRecordAsync(SqliteTransaction transaction, string consumer, string messageId, CancellationToken cancellationToken = default);
}
