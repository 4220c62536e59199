using ProServ.Integration.Events;
using ProServ.Integration.Internal;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Outbox;

/// <summary>Describes a message to publish, as handed to <see cref="IOutboxStore.EnqueueAsync"/>.</summary>
/// <remarks>
/// <para>A message is identified by its <see cref="Tenant"/> and <see cref="Id"/>: enqueuing the same pair twice stores it once.
/// Messages of one <see cref="Tenant"/> and <see cref="Stream"/> are published in the order they were enqueued; use the
/// aggregate or record id as the stream (<see cref="FromEvent"/> uses the event's subject).</para>
/// <para>Immutable once built; <see cref="Payload"/> is not copied, so do not change the array behind it.</para>
/// </remarks>
public sealed class OutboxMessage
{
    /// <summary>Gets the message id, unique per tenant; consumers deduplicate on it (for a business event, its event id).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>Gets the ordering stream within the tenant, for example the aggregate or record id the message is about.</summary>
    public required string Stream { get; init; }

    /// <summary>Gets the message type, for example <c>dev.proserv.time-entry.approved.v1</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the payload, byte for byte as it will be handed to the publisher.</summary>
    public required ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Gets the payload's media type. The default value is <c>application/cloudevents+json</c>.</summary>
    public string ContentType { get; init; } = OutboxConstants.CloudEventsContentType;

    /// <summary>Gets the correlation id that ties the message to logs and traces, if any.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Creates the message of a business event: its CloudEvents JSON as the payload, its id as the message id, its
    /// subject (or, without one, its id) as the stream and its correlation id.</summary>
    /// <param name="businessEvent">The event.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="businessEvent"/> is <see langword="null"/>.</exception>
    public static OutboxMessage FromEvent(BusinessEvent businessEvent)
    {
        Guard.NotNull(businessEvent);
        var id = businessEvent.Id.ToString();
        return new OutboxMessage
        {
            Id = id,
            Tenant = businessEvent.TenantId,
            Stream = string.IsNullOrEmpty(businessEvent.Subject) ? id : businessEvent.Subject,
            Type = businessEvent.Type,
            Payload = CanonicalJson.SerializeToUtf8Bytes(businessEvent),
            ContentType = OutboxConstants.CloudEventsContentType,
            CorrelationId = businessEvent.CorrelationId,
        };
    }
}
