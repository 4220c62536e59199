using ProServ.Integration.Internal;

namespace ProServ.Integration.Inbox;

/// <summary>Adds the record-handle-or-forget pattern to every <see cref="IInboxStore"/>.</summary>
public static class InboxStoreExtensions
{
    /// <summary>Runs <paramref name="handler"/> unless <paramref name="consumer"/> already handled <paramref name="messageId"/>;
    /// when the handler throws, the record is removed so that a redelivery is handled again.</summary>
    /// <remarks>The record and the handler's effects are not atomic: a process that dies inside the handler has recorded the
    /// message without finishing it. Where the effects live in the inbox's database, record inside the same transaction instead.</remarks>
    /// <param name="inbox">The inbox.</param>
    /// <param name="consumer">The consumer name.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="handler">Handles the message.</param>
    /// <param name="cancellationToken">The cancellation token, forwarded to <paramref name="handler"/>.</param>
    /// <returns><see langword="true"/> when the handler ran; <see langword="false"/> when the message was a duplicate.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static async ValueTask<bool> HandleOnceAsync(
        this IInboxStore inbox,
        string consumer,
        string messageId,
        Func<CancellationToken, ValueTask> handler,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(inbox);
        Guard.NotNull(handler);
        if (!await inbox.TryRecordAsync(consumer, messageId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await handler(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await inbox.RemoveAsync(consumer, messageId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return true;
    }
}
