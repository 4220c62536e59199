namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>One entry of <c>properties</c>: the name as UTF-8, its subschema and keyword location.</summary>
internal sealed record PropertySchema(byte[] Utf8Name, SchemaNode Schema, string Location);
