namespace ProServ.Integration.Mapping;

/// <summary>Records where a mapped record came from: the mapping that produced it and the source record it was read from.</summary>
/// <param name="MappingId">The mapping's id (the base mapping's id when overlays were applied).</param>
/// <param name="MappingVersion">The mapping's version as written in the document (<c>1.0.0</c> or <c>3</c>); with overlays, <c>base+overlay@version</c> entries joined by <c>;</c>.</param>
/// <param name="SourceSystem">The source system, for example <c>salesforce</c>.</param>
/// <param name="SourceObject">The source object, for example <c>Opportunity</c>.</param>
/// <param name="SourceId">The source record's id in its system (read from the mapping's <c>sourceId</c> path), or <see langword="null"/> when unknown.</param>
/// <remarks>Canonical records carry no lineage property: flows carry it as the record's <c>ExternalReference</c>
/// (system and id, which the mapping writes itself) and as event extension data (mapping id and version).</remarks>
public sealed record MappingLineage(string MappingId, string MappingVersion, string SourceSystem, string SourceObject, string? SourceId);
