using System.Text.Json.Nodes;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

public sealed class MappingBuilderTests
{
    private static MappingBuilder OpportunityBuilder() =>
        MappingBuilder.For("salesforce:Opportunity").To("opportunity@1")
            .WithId("test-opportunity").WithVersion("1.0.0").SourceId("/Id")
            .Lookup("/id", from: "/Id", recordType: "opportunity", onMissing: "derive")
            .Lookup("/clientId", from: "/AccountId", recordType: "client", onMissing: "derive")
            .Map("/name", from: "/Name")
            .MapValues("/stage", from: "/StageName", new Dictionary<string, string>(StringComparer.Ordinal) { ["Prospecting"] = "prospecting", ["Closed Won"] = "closed-won" })
            .Money("/amount", amountFrom: "/Amount", currencyFrom: "/CurrencyIsoCode", defaultCurrency: "USD")
            .Map("/closeDate", from: "/CloseDate", convert: "date")
            .Map("/probability", from: "/Probability", convert: "integer")
            .Template("/owner", "{OwnerId}")
            .Const("/serviceLine", "general");

    [Fact]
    public void Build_SameRulesAsDocument_ProducesIdenticalRecords()
    {
        var built = OpportunityBuilder().Build();
        var document = LoadOpportunity(
            """{ "target": "/stage", "path": "/StageName", "valueMap": { "Prospecting": "prospecting", "Closed Won": "closed-won" }, "onUnmapped": "error" }""",
            """{ "target": "/probability", "path": "/Probability", "convert": "integer" }""",
            """{ "target": "/owner", "template": "{OwnerId}" }""",
            """{ "target": "/serviceLine", "const": "general" }""");

        foreach (var stage in new[] { "Prospecting", "Closed Won", "Stalled" })
        {
            var fromBuilder = built.Map<Opportunity>(Parse(Opportunity(stage)), Context());
            var fromDocument = document.Map<Opportunity>(Parse(Opportunity(stage)), Context());

            Assert.Equal(fromDocument.Errors, fromBuilder.Errors);
            Assert.Equal(fromDocument.Lineage, fromBuilder.Lineage);
            Assert.Equal(
                fromDocument.Value is null ? null : CanonicalJson.Serialize(fromDocument.Value),
                fromBuilder.Value is null ? null : CanonicalJson.Serialize(fromBuilder.Value));
        }
    }

    [Fact]
    public void Build_GenericRule_SupportsEveryRuleKind()
    {
        var mapping = OpportunityBuilder()
            .Rule(new JsonObject { ["target"] = "/legalEntity", ["path"] = "/Legal_Entity__c", ["default"] = "proserv-us-inc" })
            .Build();

        Assert.Equal("proserv-us-inc", mapping.Map<Opportunity>(Parse(Opportunity()), Context()).Value!.LegalEntity);
    }

    [Fact]
    public void Build_BadRule_ThrowsWithBuilderFileAndLine()
    {
        var builder = OpportunityBuilder().Map("/closeDate", from: "/CloseDate", convert: "money");

        var problems = Assert.Throws<MappingLoadException>(() => builder.Build()).Problems;

        Assert.Contains(problems, p => p.Code == MappingErrorCodes.DuplicateTarget && p.File == "builder:test-opportunity" && p.Line == LineOf(builder.ToJson(), "\"convert\": \"money\"") - 2);
    }
}
