namespace ProServ.Integration.Model;

/// <summary>Links a canonical record to its copy in an external system, for example the Salesforce opportunity it came from.</summary>
/// <param name="System">The lowercase key of the external system, for example <c>salesforce</c>, <c>psa</c> or <c>netsuite</c>;
/// pattern <c>^[a-z][a-z0-9-]{0,31}$</c>.</param>
/// <param name="Id">The record's id in that system, 1 to 255 characters, exactly as the system writes it.</param>
/// <param name="Version">The system's version stamp of the record (an ETag, a row version or a last-modified stamp), if known.</param>
/// <remarks>A record holds at most one reference per system. The constraints are checked by schema validation, not here.</remarks>
public sealed record ExternalReference(string System, string Id, string? Version = null);
