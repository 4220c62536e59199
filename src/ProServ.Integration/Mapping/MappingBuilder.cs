using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProServ.Integration.Mapping;

/// <summary>Builds a mapping in C#: <c>MappingBuilder.For("salesforce:Opportunity").To("opportunity@1").Map("/name", from: "/Name")…Build()</c>.</summary>
/// <remarks>The builder writes the same <c>mapping.v1</c> document a file would hold and loads it through <see cref="MappingLoader"/>,
/// so a built mapping has exactly the compiled form, the checks and the problems of its document (reported with the file name <c>builder:&lt;id&gt;</c>).
/// Not thread-safe; the <see cref="CompiledMapping"/> it builds is.</remarks>
public sealed class MappingBuilder
{
    private readonly JsonObject _document;
    private readonly JsonArray _rules = [];

    private MappingBuilder(string source)
    {
        _document = new JsonObject
        {
            ["id"] = "code-first",
            ["version"] = "1.0.0",
            ["direction"] = "inbound",
            ["source"] = source,
        };
    }

    /// <summary>Starts a mapping from a source shape.</summary>
    /// <param name="source">The source as <c>system:object</c>, for example <c>salesforce:Opportunity</c>.</param>
    /// <returns>A new builder.</returns>
    public static MappingBuilder For(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new MappingBuilder(source);
    }

    /// <summary>Sets the target record.</summary>
    /// <param name="target">The canonical record and major, for example <c>opportunity@1</c>.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder To(string target) => Set("target", target);

    /// <summary>Sets the mapping's id. The default value is <c>code-first</c>.</summary>
    /// <param name="id">The id.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder WithId(string id) => Set("id", id);

    /// <summary>Sets the mapping's version. The default value is <c>1.0.0</c>.</summary>
    /// <param name="version">A semantic version.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder WithVersion(string version) => Set("version", version);

    /// <summary>Sets the pointer of the source record's id (lineage and external reference).</summary>
    /// <param name="from">The JSON Pointer, for example <c>/Id</c>.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder SourceId(string from) => Set("sourceId", from);

    /// <summary>Maps a target field from a source path, optionally converted.</summary>
    /// <param name="target">The target field pointer, for example <c>/name</c>.</param>
    /// <param name="from">The source pointer, for example <c>/Name</c>.</param>
    /// <param name="convert">A conversion (<c>decimal</c>, <c>date</c>, …) or <see langword="null"/>.</param>
    /// <param name="timeZone">The IANA zone for offset-less date-times, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder Map(string target, string from, string? convert = null, string? timeZone = null)
    {
        var rule = new JsonObject { ["target"] = target, ["path"] = from };
        if (convert is not null)
        {
            rule["convert"] = convert;
        }

        if (timeZone is not null)
        {
            rule["timeZone"] = timeZone;
        }

        return Rule(rule);
    }

    /// <summary>Maps a target field through a value map.</summary>
    /// <param name="target">The target field pointer.</param>
    /// <param name="from">The source pointer.</param>
    /// <param name="valueMap">Source text to target text.</param>
    /// <param name="onUnmapped"><c>error</c> or <c>passthrough</c>. The default value is <c>error</c>.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder MapValues(string target, string from, IReadOnlyDictionary<string, string> valueMap, string onUnmapped = "error")
    {
        ArgumentNullException.ThrowIfNull(valueMap);
        var map = new JsonObject();
        foreach (var (key, value) in valueMap)
        {
            map[key] = value;
        }

        return Rule(new JsonObject { ["target"] = target, ["path"] = from, ["valueMap"] = map, ["onUnmapped"] = onUnmapped });
    }

    /// <summary>Maps a money field from an amount and a currency field.</summary>
    /// <param name="target">The target field pointer.</param>
    /// <param name="amountFrom">The source pointer of the amount.</param>
    /// <param name="currencyFrom">The source pointer of the currency code.</param>
    /// <param name="defaultCurrency">The currency when the source has none, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder Money(string target, string amountFrom, string currencyFrom, string? defaultCurrency = null)
    {
        var money = new JsonObject { ["amount"] = amountFrom, ["currency"] = currencyFrom };
        if (defaultCurrency is not null)
        {
            money["defaultCurrency"] = defaultCurrency;
        }

        return Rule(new JsonObject { ["target"] = target, ["money"] = money });
    }

    /// <summary>Maps a canonical id through a cross-reference lookup.</summary>
    /// <param name="target">The target field pointer.</param>
    /// <param name="from">The source pointer of the vendor id.</param>
    /// <param name="recordType">The canonical record type, for example <c>client</c>.</param>
    /// <param name="onMissing"><c>error</c>, <c>omit</c> or <c>derive</c>. The default value is <c>error</c>.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder Lookup(string target, string from, string recordType, string onMissing = "error") =>
        Rule(new JsonObject { ["target"] = target, ["lookup"] = new JsonObject { ["path"] = from, ["recordType"] = recordType, ["onMissing"] = onMissing } });

    /// <summary>Sets a target field to a constant.</summary>
    /// <param name="target">The target field pointer.</param>
    /// <param name="value">The value (string, number, boolean or JSON node).</param>
    /// <returns>This builder.</returns>
    public MappingBuilder Const(string target, JsonNode value) => Rule(new JsonObject { ["target"] = target, ["const"] = value });

    /// <summary>Builds a target string from a template such as <c>{FirstName} {LastName}</c>.</summary>
    /// <param name="target">The target field pointer.</param>
    /// <param name="template">The template.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder Template(string target, string template) => Rule(new JsonObject { ["target"] = target, ["template"] = template });

    /// <summary>Adds any rule as its <c>mapping.v1</c> JSON, for the rule kinds without a helper (each, computedMoney, when, defaults).</summary>
    /// <param name="rule">The rule object.</param>
    /// <returns>This builder.</returns>
    public MappingBuilder Rule(JsonObject rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _rules.Add(rule);
        return this;
    }

    /// <summary>Writes the mapping document the builder holds.</summary>
    /// <returns>The <c>mapping.v1</c> JSON, indented.</returns>
    public string ToJson()
    {
        var document = (JsonObject)_document.DeepClone();
        document["rules"] = _rules.DeepClone();
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Checks and compiles the mapping.</summary>
    /// <param name="loader">The loader, or <see langword="null"/> for <see cref="MappingLoader.Default"/>.</param>
    /// <returns>The compiled mapping.</returns>
    /// <exception cref="MappingLoadException">The mapping has problems.</exception>
    public CompiledMapping Build(MappingLoader? loader = null) =>
        (loader ?? MappingLoader.Default).Load(new MappingFile("builder:" + _document["id"], System.Text.Encoding.UTF8.GetBytes(ToJson())));

    private MappingBuilder Set(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _document[name] = value;
        return this;
    }
}
