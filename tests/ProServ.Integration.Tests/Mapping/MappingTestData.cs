using System.Text;
using System.Text.Json;
using ProServ.Integration.Mapping;

namespace ProServ.Integration.Tests.Mapping;

/// <summary>Builds small mapping documents and payloads for the mapping tests.</summary>
internal static class MappingTestData
{
    public const string Tenant = "acme-consulting";

    /// <summary>The rules every opportunity@1 test mapping starts from; a test's rules replace those with the same target.</summary>
    private static readonly (string Target, string Json)[] OpportunityBase =
    [
        ("/id", """{ "target": "/id", "lookup": { "path": "/Id", "recordType": "opportunity", "onMissing": "derive" } }"""),
        ("/clientId", """{ "target": "/clientId", "lookup": { "path": "/AccountId", "recordType": "client", "onMissing": "derive" } }"""),
        ("/name", """{ "target": "/name", "path": "/Name" }"""),
        ("/stage", """{ "target": "/stage", "const": "prospecting" }"""),
        ("/amount", """{ "target": "/amount", "money": { "amount": "/Amount", "currency": "/CurrencyIsoCode", "defaultCurrency": "USD" } }"""),
        ("/closeDate", """{ "target": "/closeDate", "path": "/CloseDate", "convert": "date" }"""),
        ("/probability", """{ "target": "/probability", "const": 50 }"""),
        ("/owner", """{ "target": "/owner", "path": "/OwnerId" }"""),
    ];

    public static MappingContext Context(ICrossReferenceResolver? resolver = null) => new(Tenant, resolver);

    /// <summary>An opportunity@1 mapping document: the base rules with <paramref name="rules"/> replacing or adding.</summary>
    public static string OpportunityDocument(params string[] rules)
    {
        var targets = rules.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("target").GetString()).ToHashSet(StringComparer.Ordinal);
        var all = OpportunityBase.Where(b => !targets.Contains(b.Target)).Select(b => b.Json).Concat(rules);
        return $$"""
            {
              "id": "test-opportunity",
              "version": "1.0.0",
              "direction": "inbound",
              "source": "salesforce:Opportunity",
              "target": "opportunity@1",
              "sourceId": "/Id",
              "rules": [
                {{string.Join(",\n    ", all)}}
              ]
            }
            """;
    }

    public static CompiledMapping LoadOpportunity(params string[] rules) => Load(OpportunityDocument(rules));

    public static CompiledMapping Load(string json, string name = "test.mapping.json") =>
        MappingLoader.Default.Load(new MappingFile(name, Encoding.UTF8.GetBytes(json)));

    public static MappingLoadException LoadFails(string json, string name = "test.mapping.json") =>
        Assert.Throws<MappingLoadException>(() => Load(json, name));

    /// <summary>The 1-based line of the first line of <paramref name="json"/> containing <paramref name="marker"/>.</summary>
    public static int LineOf(string json, string marker, int occurrence = 1)
    {
        var lines = json.Split('\n');
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = Array.FindIndex(lines, index + 1, l => l.Contains(marker, StringComparison.Ordinal));
        }

        Assert.True(index >= 0, $"marker {marker} not found");
        return index + 1;
    }

    public static string Opportunity(string stage = "Prospecting", string amount = "125000.0", string extra = "") => $$"""
        {
          "attributes": { "type": "Opportunity", "url": "/services/data/v62.0/sobjects/Opportunity/0065g00000XyZAbAAN" },
          "Id": "0065g00000XyZAbAAN",
          "AccountId": "0015g00000AbCdEAAZ",
          "Name": "Globex ERP rollout",
          "StageName": "{{stage}}",
          "Amount": {{amount}},
          "CurrencyIsoCode": "USD",
          "CloseDate": "2026-03-31",
          "Probability": 75.0,
          "OwnerId": "0055g00000OwNeRAAA"{{extra}}
        }
        """;

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
