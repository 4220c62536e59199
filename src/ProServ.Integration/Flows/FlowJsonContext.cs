using System.Text.Json.Serialization;

namespace ProServ.Integration.Flows;

/// <summary>Serializes the small outcomes flows keep in the idempotency store.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class FlowJsonContext : JsonSerializerContext;
