using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Schemas.Tests.Published;

/// <summary>Reads the published schema documents as JSON, resolving the relative <c>$ref</c>s they use.</summary>
internal static class SchemaDocuments
{
    private const string CommonPrefix = "common.v1.schema.json#/$defs/";

    private static readonly Lazy<Dictionary<string, JsonElement>> Documents = new(() =>
        SchemaCatalog.Default.Schemas.ToDictionary(
            s => s.FileName,
            s => JsonDocument.Parse(s.Utf8Json).RootElement.Clone(),
            StringComparer.Ordinal));

    public static JsonElement Get(string fileName) => Documents.Value[fileName];

    public static JsonElement Common => Get("common.v1.schema.json");

    public static JsonElement CommonDef(string name) => Common.GetProperty("$defs").GetProperty(name);

    /// <summary>Follows <c>$ref</c>s (into common or the same document's <c>$defs</c>) until a schema with a <c>type</c>, <c>enum</c> or <c>properties</c> is reached.</summary>
    public static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            if (schema.TryGetProperty("type", out _) || schema.TryGetProperty("enum", out _) || !schema.TryGetProperty("$ref", out var reference))
            {
                return schema;
            }

            var text = reference.GetString()!;
            if (text.StartsWith(CommonPrefix, StringComparison.Ordinal))
            {
                document = Common;
                schema = CommonDef(text[CommonPrefix.Length..]);
            }
            else if (text.StartsWith("#/$defs/", StringComparison.Ordinal))
            {
                schema = document.GetProperty("$defs").GetProperty(text["#/$defs/".Length..]);
            }
            else
            {
                throw new InvalidOperationException($"Unexpected $ref '{text}'.");
            }
        }

        throw new InvalidOperationException("Too many $ref hops.");
    }

    /// <summary>Gets the name of the common definition a property schema references, or <see langword="null"/>.</summary>
    public static string? CommonRefName(JsonElement propertySchema) =>
        propertySchema.TryGetProperty("$ref", out var reference) && reference.GetString()!.StartsWith(CommonPrefix, StringComparison.Ordinal)
            ? reference.GetString()![CommonPrefix.Length..]
            : null;

    public static string[] PropertyNames(JsonElement objectSchema) =>
        [.. objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name)];

    public static string[] Required(JsonElement objectSchema) =>
        objectSchema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(e => e.GetString()!)] : [];

    public static string[] EnumValues(JsonElement schema) =>
        [.. schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];
}
