using Npgsql;
using ProServ.Integration.Inbox;

namespace ProServ.Integration.PostgreSql.Inbox;

/// <summary>
/// An inbox on PostgreSQL that can also record inside the caller's transaction, so that a handler's writes and the mark
/// "handled" commit together or not at all.
/// </summary>
/// <remarks>Implemented by <see cref="PostgreSqlInboxStore"/>. Thread-safe.</remarks>
public interface IPostgreSqlInboxStore : IInboxStore
{
    /// <summary>
    /// Ensures the inbox table exists. Call once before the first
    /// <see cref="TryRecordAsync(NpgsqlTransaction, string, string, CancellationToken)"/>, so that start-up DDL never runs
    /// inside the caller's transaction.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the table exists.</returns>
    ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records inside <paramref name="transaction"/> that <paramref name="consumer"/> handles <paramref name="messageId"/>,
    /// unless it already did; nothing is committed. On <see langword="false"/> the caller should roll back (the message is a
    /// duplicate). A concurrent duplicate recorded in another open transaction waits for that transaction to end: it gets
    /// <see langword="false"/> if the other commits and <see langword="true"/> if it rolls back.
    /// </summary>
    /// <param name="transaction">The caller's open transaction.</param>
    /// <param name="consumer">The consumer name.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns><see langword="true"/> for the first record of the pair.</returns>
    /// <exception cref="ArgumentException">The transaction has completed, or an argument is empty or too long.</exception>
    ValueTask<bool> TryRecordAsync(NpgsqlTransaction transaction, string consumer, string messageId, CancellationToken cancellationToken = default);
}
