using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProServ.Integration.Benchmarks.Validation;

/// <summary>
/// Turns a published schema and <c>common.v1</c> into one self-contained draft-07 document for NJsonSchema, which
/// cannot resolve our catalog's relative <c>$ref</c>s: common's <c>$defs</c> become local <c>definitions</c>, every
/// <c>common.v1.schema.json#/$defs/x</c> and <c>#/$defs/x</c> becomes <c>#/definitions/x</c>,
/// <c>const</c> becomes a one-value <c>enum</c> (NJsonSchema 10.7.2 ignores <c>const</c>), and <c>$schema</c>/<c>$id</c> go.
/// </summary>
internal static class PublishedSchemaBundler
{
    private const string CommonPrefix = "common.v1.schema.json#/$defs/";
    private const string LocalPrefix = "#/$defs/";
    private const string BundledPrefix = "#/definitions/";

    public static string Bundle(ReadOnlyMemory<byte> utf8Schema, ReadOnlyMemory<byte> utf8Common)
    {
        var schema = JsonNode.Parse(utf8Schema.Span)!.AsObject();
        var common = JsonNode.Parse(utf8Common.Span)!.AsObject();
        var definitions = new JsonObject();
        foreach (var source in new[] { common, schema })
        {
            if (source["$defs"] is JsonObject defs)
            {
                foreach (var (name, value) in defs.ToArray())
                {
                    defs.Remove(name);
                    definitions[name] = value;
                }
            }
        }

        schema.Remove("$defs");
        schema.Remove("$schema");
        schema.Remove("$id");
        schema["definitions"] = definitions;
        Convert(schema);
        return schema.ToJsonString();
    }

    private static void Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValueKind() == JsonValueKind.String)
                {
                    var target = reference.GetValue<string>();
                    if (target.StartsWith(CommonPrefix, StringComparison.Ordinal))
                    {
                        obj["$ref"] = BundledPrefix + target[CommonPrefix.Length..];
                    }
                    else if (target.StartsWith(LocalPrefix, StringComparison.Ordinal))
                    {
                        obj["$ref"] = BundledPrefix + target[LocalPrefix.Length..];
                    }
                    else
                    {
                        throw new InvalidOperationException("Cannot bundle the reference " + target + ".");
                    }
                }

                // NJsonSchema 10.7.2 ignores draft-06 "const" (so "not": { "const": x } rejects everything): use the draft-04 "enum": [x].
                if (obj.ContainsKey("const") && !obj.ContainsKey("enum"))
                {
                    var value = obj["const"];
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(value);
                }

                foreach (var (_, value) in obj.ToArray())
                {
                    Convert(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Convert(item);
                }

                break;
        }
    }
}
