using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>Reads a catalog schema into <see cref="TargetShape"/>s, following <c>$ref</c>s into the same document and into <c>common</c>.</summary>
internal static class TargetSchemaReader
{
    public static TargetShape Read(SchemaCatalog catalog, SchemaDescriptor target)
    {
        using var document = JsonDocument.Parse(target.Utf8Json);
        using var common = catalog.TryGet(new SchemaReference("common", target.Reference.Major), out var commonDescriptor)
            ? JsonDocument.Parse(commonDescriptor.Utf8Json)
            : JsonDocument.Parse("{}");
        return ReadNode(document.RootElement, document.RootElement, common.RootElement, 0);
    }

    private static TargetShape ReadNode(JsonElement node, JsonElement root, JsonElement common, int depth)
    {
        if (depth > 32 || node.ValueKind != JsonValueKind.Object)
        {
            return new TargetShape { Kind = TargetKind.Any };
        }

        if (node.TryGetProperty("$ref", out var reference) && reference.GetString() is { } text)
        {
            var hash = text.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? text : text[..hash];
            var fragment = hash < 0 ? string.Empty : text[(hash + 1)..];
            var documentRoot = file.Length == 0 ? root : common;
            var name = fragment.StartsWith("/$defs/", StringComparison.Ordinal) ? fragment["/$defs/".Length..] : null;
            if (name is not null && documentRoot.TryGetProperty("$defs", out var defs) && defs.TryGetProperty(name, out var target))
            {
                return KindOfDefinition(name) is { } known
                    ? new TargetShape { Kind = known }
                    : ReadNode(target, documentRoot, common, depth + 1);
            }

            return new TargetShape { Kind = TargetKind.Any };
        }

        if (node.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            return new TargetShape { Kind = TargetKind.Enum, EnumValues = values.EnumerateArray().Select(v => v.ToString()).ToArray() };
        }

        var type = node.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var format = node.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        switch (type)
        {
            case "string":
                return new TargetShape
                {
                    Kind = format switch { "date" => TargetKind.Date, "date-time" => TargetKind.DateTime, "uuid" => TargetKind.Uuid, _ => TargetKind.String },
                };
            case "integer":
                return new TargetShape { Kind = TargetKind.Integer };
            case "number":
                return new TargetShape { Kind = TargetKind.Number };
            case "boolean":
                return new TargetShape { Kind = TargetKind.Boolean };
            case "array":
                return new TargetShape
                {
                    Kind = TargetKind.Array,
                    Items = node.TryGetProperty("items", out var items) ? ReadNode(items, root, common, depth + 1) : null,
                };
            case "object":
                var properties = new Dictionary<string, TargetShape>(StringComparer.Ordinal);
                if (node.TryGetProperty("properties", out var members) && members.ValueKind == JsonValueKind.Object)
                {
                    foreach (var member in members.EnumerateObject())
                    {
                        properties[member.Name] = ReadNode(member.Value, root, common, depth + 1);
                    }
                }

                var required = node.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
                    ? r.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
                    : [];
                return new TargetShape { Kind = TargetKind.Object, Properties = properties, Required = required };
            default:
                return new TargetShape { Kind = TargetKind.Any };
        }
    }

    private static TargetKind? KindOfDefinition(string name) => name switch
    {
        "uuid" => TargetKind.Uuid,
        "currency-code" => TargetKind.Currency,
        "date" => TargetKind.Date,
        "date-time" => TargetKind.DateTime,
        "money" or "rounded-money" or "non-negative-money" or "positive-money" => TargetKind.Money,
        "decimal-string" => TargetKind.String,
        _ => null,
    };
}
