using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// Our own compact equivalent of the draft 2020-12 meta-schema, written for this validator (not the published document):
/// it checks the type and range of every standard keyword so that <c>$ref</c> to the meta-schema URI resolves offline.
/// </summary>
internal static class MetaSchema
{
    public const string Uri = "https://json-schema.org/draft/2020-12/schema";

    private const string Text = """
        {
          "$id": "https://json-schema.org/draft/2020-12/schema",
          "$dynamicAnchor": "meta",
          "type": ["object", "boolean"],
          "properties": {
            "$id": { "type": "string" },
            "$schema": { "type": "string" },
            "$ref": { "type": "string" },
            "$anchor": { "$ref": "#/$defs/anchor" },
            "$dynamicRef": { "type": "string" },
            "$dynamicAnchor": { "$ref": "#/$defs/anchor" },
            "$vocabulary": { "type": "object", "additionalProperties": { "type": "boolean" } },
            "$comment": { "type": "string" },
            "$defs": { "$ref": "#/$defs/schemaMap" },
            "allOf": { "$ref": "#/$defs/schemaList" },
            "anyOf": { "$ref": "#/$defs/schemaList" },
            "oneOf": { "$ref": "#/$defs/schemaList" },
            "prefixItems": { "$ref": "#/$defs/schemaList" },
            "not": { "$dynamicRef": "#meta" },
            "if": { "$dynamicRef": "#meta" },
            "then": { "$dynamicRef": "#meta" },
            "else": { "$dynamicRef": "#meta" },
            "items": { "$dynamicRef": "#meta" },
            "contains": { "$dynamicRef": "#meta" },
            "additionalProperties": { "$dynamicRef": "#meta" },
            "propertyNames": { "$dynamicRef": "#meta" },
            "unevaluatedItems": { "$dynamicRef": "#meta" },
            "unevaluatedProperties": { "$dynamicRef": "#meta" },
            "contentSchema": { "$dynamicRef": "#meta" },
            "properties": { "$ref": "#/$defs/schemaMap" },
            "patternProperties": { "$ref": "#/$defs/schemaMap" },
            "dependentSchemas": { "$ref": "#/$defs/schemaMap" },
            "type": {
              "anyOf": [
                { "$ref": "#/$defs/typeName" },
                { "type": "array", "items": { "$ref": "#/$defs/typeName" }, "minItems": 1, "uniqueItems": true }
              ]
            },
            "enum": { "type": "array" },
            "multipleOf": { "type": "number", "exclusiveMinimum": 0 },
            "maximum": { "type": "number" },
            "exclusiveMaximum": { "type": "number" },
            "minimum": { "type": "number" },
            "exclusiveMinimum": { "type": "number" },
            "maxLength": { "$ref": "#/$defs/count" },
            "minLength": { "$ref": "#/$defs/count" },
            "pattern": { "type": "string" },
            "maxItems": { "$ref": "#/$defs/count" },
            "minItems": { "$ref": "#/$defs/count" },
            "uniqueItems": { "type": "boolean" },
            "maxContains": { "$ref": "#/$defs/count" },
            "minContains": { "$ref": "#/$defs/count" },
            "maxProperties": { "$ref": "#/$defs/count" },
            "minProperties": { "$ref": "#/$defs/count" },
            "required": { "$ref": "#/$defs/names" },
            "dependentRequired": { "type": "object", "additionalProperties": { "$ref": "#/$defs/names" } },
            "format": { "type": "string" },
            "contentEncoding": { "type": "string" },
            "contentMediaType": { "type": "string" },
            "title": { "type": "string" },
            "description": { "type": "string" },
            "deprecated": { "type": "boolean" },
            "readOnly": { "type": "boolean" },
            "writeOnly": { "type": "boolean" },
            "examples": { "type": "array" }
          },
          "$defs": {
            "anchor": { "type": "string", "pattern": "^[A-Za-z_][-A-Za-z0-9._]*$" },
            "count": { "type": "integer", "minimum": 0 },
            "names": { "type": "array", "items": { "type": "string" }, "uniqueItems": true },
            "schemaList": { "type": "array", "minItems": 1, "items": { "$dynamicRef": "#meta" } },
            "schemaMap": { "type": "object", "additionalProperties": { "$dynamicRef": "#meta" } },
            "typeName": { "enum": ["array", "boolean", "integer", "null", "number", "object", "string"] }
          }
        }
        """;

    private static readonly JsonDocument Parsed = JsonDocument.Parse(Text);

    public static JsonElement Document => Parsed.RootElement;
}
