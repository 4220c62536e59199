using System.Text.Json;

namespace ProServ.Integration.Ownership;

/// <summary>Holds the canonical JSON of a record as it may be written to a target system, without the fields the target owns.</summary>
/// <param name="Json">The canonical JSON object with only the fields the target may receive (<c>id</c>, <c>tenantId</c> and <c>externalReferences</c> are always kept).</param>
/// <param name="OmittedFields">The JSON Pointers of the fields left out because the target owns them.</param>
public sealed record OutboundRecord(JsonElement Json, IReadOnlyList<string> OmittedFields);
