using System.Text.Json;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>A compiled rule: reads its value from the source scope (an object; <paramref name="scopePointer"/> is its pointer in the source).</summary>
internal delegate MappedValue ValueProducer(JsonElement scope, string scopePointer, MappingRun run);
