using System.Text.Json.Serialization;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Serializes property names to JSON strings for <c>propertyNames</c>.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class NameContext : JsonSerializerContext;
