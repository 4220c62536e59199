using System.Text.Json;
using System.Text.Json.Serialization;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Events;

/// <summary>Represents a business event in the CloudEvents 1.0 JSON format: an envelope with routing attributes and a canonical record as data.</summary>
/// <remarks>
/// <para>Wire names follow CloudEvents exactly (lowercase, not camelCase): <c>id</c>, <c>source</c>, <c>type</c>,
/// <c>specversion</c>, <c>subject</c>, <c>time</c>, <c>datacontenttype</c>, <c>dataschema</c>, the extension attributes
/// <c>correlationid</c>, <c>causationid</c> and <c>tenantid</c>, and <c>data</c>.</para>
/// <para>Invariants: <see cref="SpecVersion"/> is <c>1.0</c>; <see cref="DataContentType"/> is <c>application/json</c>;
/// <see cref="Data"/> is a JSON object holding the record named by <see cref="DataSchema"/>; <see cref="CorrelationId"/>
/// is the id of the first event of the chain (its own id for a first event). Create events with <see cref="BusinessEventFactory"/>.</para>
/// <para>Immutable; <see cref="Data"/> is a detached <see cref="JsonElement"/>, so equality of two events compares its
/// reference, not its content: compare serialized bytes instead.</para>
/// </remarks>
public sealed record BusinessEvent
{
    /// <summary>The only CloudEvents version written and read: <c>1.0</c>.</summary>
    public const string CloudEventsSpecVersion = "1.0";

    /// <summary>The content type of <see cref="Data"/>: <c>application/json</c>.</summary>
    public const string JsonContentType = "application/json";

    /// <summary>Gets the event's unique id (a UUIDv7); consumers deduplicate on it.</summary>
    [JsonPropertyName("id")]
    public required EventId Id { get; init; }

    /// <summary>Gets the URI-reference of the producer, for example <c>urn:proserv:connector:salesforce</c> or <c>/psa/acme</c>.</summary>
    [JsonPropertyName("source")]
    public required Uri Source { get; init; }

    /// <summary>Gets the event type, one of <see cref="BusinessEventTypes"/>, for example <c>dev.proserv.time-entry.approved.v1</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Gets the CloudEvents version; always <see cref="CloudEventsSpecVersion"/>.</summary>
    [JsonPropertyName("specversion")]
    public required string SpecVersion { get; init; }

    /// <summary>Gets the subject: the id of the record in <see cref="Data"/>, for filtering without reading the data.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>Gets when the occurrence happened, as read from the producer's <see cref="TimeProvider"/>.</summary>
    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    /// <summary>Gets the content type of <see cref="Data"/>; always <see cref="JsonContentType"/>.</summary>
    [JsonPropertyName("datacontenttype")]
    public required string DataContentType { get; init; }

    /// <summary>Gets the <c>$id</c> of the JSON Schema <see cref="Data"/> conforms to, see <see cref="CanonicalSchemaIds"/>.</summary>
    [JsonPropertyName("dataschema")]
    public Uri? DataSchema { get; init; }

    /// <summary>Gets the correlation id shared by every event of one business flow (extension attribute <c>correlationid</c>).</summary>
    [JsonPropertyName("correlationid")]
    public required string CorrelationId { get; init; }

    /// <summary>Gets the id of the event that caused this one, if any (extension attribute <c>causationid</c>).</summary>
    [JsonPropertyName("causationid")]
    public string? CausationId { get; init; }

    /// <summary>Gets the tenant the event belongs to (extension attribute <c>tenantid</c>); equals the data's tenant.</summary>
    [JsonPropertyName("tenantid")]
    public required string TenantId { get; init; }

    /// <summary>Gets the event's data: the canonical record, as a JSON object.</summary>
    [JsonPropertyName("data")]
    public required JsonElement Data { get; init; }

    /// <summary>Reads <see cref="Data"/> as a canonical record.</summary>
    /// <typeparam name="T">The record type, for example <see cref="Model.TimeEntry"/>.</typeparam>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The data is not a valid <typeparamref name="T"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a canonical type.</exception>
    public T GetData<T>() => CanonicalJson.Deserialize<T>(Data);
}
