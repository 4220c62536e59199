namespace ProServ.Integration.CrossReference;

/// <summary>Represents one link between a canonical id and a record id in an external system.</summary>
/// <param name="RecordType">The canonical record type name, for example <c>client</c>.</param>
/// <param name="CanonicalId">The canonical id.</param>
/// <param name="System">The external system key, for example <c>salesforce</c>.</param>
/// <param name="ExternalId">The record's id in that system.</param>
/// <param name="CreatedAt">When the link was stored (UTC, millisecond precision).</param>
public sealed record CrossReferenceLink(string RecordType, Guid CanonicalId, string System, string ExternalId, DateTimeOffset CreatedAt);
