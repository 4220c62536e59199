using System.Text.Json;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>A compiled lookup rule's first phase: adds the external ids it will need to the batch.</summary>
internal delegate void LookupCollector(JsonElement scope, MappingRun run);
