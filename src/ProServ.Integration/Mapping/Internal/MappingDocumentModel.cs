using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>A mapping document (base or overlay) read after it passed <c>mapping.v1</c>: its header, its rules and its position map.</summary>
internal sealed class MappingDocumentModel
{
    private MappingDocumentModel(string file, JsonPositionMap positions)
    {
        File = file;
        Positions = positions;
    }

    public string File { get; }

    public JsonPositionMap Positions { get; }

    public string Id { get; private set; } = string.Empty;

    public string Version { get; private set; } = string.Empty;

    public string? Direction { get; private set; }

    public string? Source { get; private set; }

    public string? Target { get; private set; }

    public string? SourceId { get; private set; }

    public string? Extends { get; private set; }

    public IReadOnlyList<string> Remove { get; private set; } = [];

    public IReadOnlyList<RuleModel> Rules { get; private set; } = [];

    /// <summary>Reads a document that conforms to <c>mapping.v1</c>.</summary>
    public static MappingDocumentModel Read(string file, JsonPositionMap positions, JsonElement root)
    {
        var model = new MappingDocumentModel(file, positions)
        {
            Id = root.GetProperty("id").GetString()!,
            Version = root.GetProperty("version") is { ValueKind: JsonValueKind.Number } number
                ? number.GetInt64().ToString(CultureInfo.InvariantCulture)
                : root.GetProperty("version").GetString()!,
            Direction = OptionalString(root, "direction"),
            Source = OptionalString(root, "source"),
            Target = OptionalString(root, "target"),
            SourceId = OptionalString(root, "sourceId"),
            Extends = OptionalString(root, "extends"),
        };
        model.Remove = root.TryGetProperty("remove", out var remove) ? remove.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
        model.Rules = ReadRules(model, root.GetProperty("rules"), "/rules");
        return model;
    }

    private static List<RuleModel> ReadRules(MappingDocumentModel document, JsonElement rules, string pointer)
    {
        var list = new List<RuleModel>();
        var index = 0;
        foreach (var rule in rules.EnumerateArray())
        {
            var rulePointer = pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
            list.Add(new RuleModel
            {
                Document = document,
                Pointer = rulePointer,
                Target = rule.GetProperty("target").GetString()!,
                Path = OptionalString(rule, "path"),
                Const = Optional(rule, "const"),
                Template = OptionalString(rule, "template"),
                Money = Optional(rule, "money"),
                ComputedMoney = Optional(rule, "computedMoney"),
                Lookup = Optional(rule, "lookup"),
                Each = OptionalString(rule, "each"),
                Rules = rule.TryGetProperty("rules", out var nested) ? ReadRules(document, nested, rulePointer + "/rules") : [],
                Convert = OptionalString(rule, "convert"),
                TimeZone = OptionalString(rule, "timeZone"),
                ValueMap = rule.TryGetProperty("valueMap", out var map)
                    ? map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                    : null,
                OnUnmapped = Optional(rule, "onUnmapped"),
                Default = Optional(rule, "default"),
                When = Optional(rule, "when"),
            });
            index++;
        }

        return list;
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.Clone() : null;
}
