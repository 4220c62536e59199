using ProServ.Integration.Errors;

namespace ProServ.Integration.DeadLetter;

/// <summary>Holds the part of the replay protocol every dead-letter store shares: how a handler's result is read.</summary>
internal static class DeadLetterReplay
{
    /// <summary>Runs the replay handler; an <see cref="IntegrationException"/> it throws counts as a failed replay.</summary>
    /// <param name="item">The item, not yet resolved.</param>
    /// <param name="handler">The handler that re-runs the item.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The outcome to record.</returns>
    public static async ValueTask<ReplayOutcome> RunHandlerAsync(
        DeadLetterItem item,
        Func<DeadLetterItem, CancellationToken, ValueTask<ReplayOutcome>> handler,
        CancellationToken cancellationToken)
    {
        try
        {
            return await handler(item, cancellationToken).ConfigureAwait(false);
        }
        catch (IntegrationException ex)
        {
            return ReplayOutcome.Failure(ex.ErrorCode, ex.Message);
        }
    }
}
