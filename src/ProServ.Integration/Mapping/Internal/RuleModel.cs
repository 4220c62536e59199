using System.Text.Json;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>One rule of a mapping document as written, with the document and pointer it came from.</summary>
internal sealed class RuleModel
{
    public required MappingDocumentModel Document { get; init; }

    public required string Pointer { get; init; }

    public required string Target { get; init; }

    public string? Path { get; init; }

    public JsonElement? Const { get; init; }

    public string? Template { get; init; }

    public JsonElement? Money { get; init; }

    public JsonElement? ComputedMoney { get; init; }

    public JsonElement? Lookup { get; init; }

    public string? Each { get; init; }

    public IReadOnlyList<RuleModel> Rules { get; init; } = [];

    public string? Convert { get; init; }

    public string? TimeZone { get; init; }

    public IReadOnlyDictionary<string, string>? ValueMap { get; init; }

    public JsonElement? OnUnmapped { get; init; }

    public JsonElement? Default { get; init; }

    public JsonElement? When { get; init; }
}
