namespace ProServ.Integration.Outbox;

/// <summary>Publishes one outbox message to a broker, webhook or downstream system; implemented by the application and called by <see cref="OutboxRelay"/>.</summary>
/// <remarks>
/// <para>Return normally only when the message is durably accepted downstream. Throw to fail the attempt: an
/// <see cref="Errors.IntegrationException"/> with <see cref="Errors.IntegrationException.IsTransient"/> <see langword="false"/>
/// dead-letters the message at once; any other exception schedules a retry with back-off until
/// <see cref="OutboxRelayOptions.MaxAttempts"/>.</para>
/// <para>Delivery is at least once: a relay that dies after publishing but before marking the message published publishes it
/// again. Send <see cref="OutboxEntry.Id"/> along (for example as the CloudEvents id or a message-id header) so that consumers
/// deduplicate. The relay calls the publisher for one message at a time per relay; implementations shared by several relays
/// must be thread-safe.</para>
/// </remarks>
public interface IOutboxPublisher
{
    /// <summary>Publishes a message.</summary>
    /// <param name="message">The claimed message.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the message has been accepted downstream.</returns>
    ValueTask PublishAsync(OutboxEntry message, CancellationToken cancellationToken);
}
