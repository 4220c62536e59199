using System.Text;
using System.Text.Json;
using ProServ.Integration.Finance;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

public sealed class MappingRuleTests
{
    private static MappingResult<Opportunity> MapOpportunity(CompiledMapping mapping, string json) =>
        mapping.Map<Opportunity>(Parse(json), Context());

    [Fact]
    public void Map_PathAndConst_CopiesValues()
    {
        var result = MapOpportunity(LoadOpportunity(), Opportunity());

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal("Globex ERP rollout", result.Value!.Name);
        Assert.Equal(50, result.Value.Probability);
        Assert.Equal(OpportunityStage.Prospecting, result.Value.Stage.Value);
        Assert.Equal("0055g00000OwNeRAAA", result.Value.Owner);
        Assert.Equal(Tenant, result.Value.TenantId);
        Assert.Equal(new DateOnly(2026, 3, 31), result.Value.CloseDate);
    }

    [Fact]
    public void Map_Default_AppliesWhenSourceAbsentOrNull()
    {
        var mapping = LoadOpportunity("""{ "target": "/probability", "path": "/Probability", "convert": "integer", "default": 10 }""");

        var absent = MapOpportunity(mapping, Opportunity().Replace("\"Probability\": 75.0,", string.Empty, StringComparison.Ordinal));
        var nulled = MapOpportunity(mapping, Opportunity().Replace("75.0", "null", StringComparison.Ordinal));
        var present = MapOpportunity(mapping, Opportunity());

        Assert.Equal(10, absent.Value!.Probability);
        Assert.Equal(10, nulled.Value!.Probability);
        Assert.Equal(75, present.Value!.Probability);
    }

    [Fact]
    public void Map_IntegerConversionOfFraction_ReportsConversionFailedAtSourcePointer()
    {
        var mapping = LoadOpportunity("""{ "target": "/probability", "path": "/Probability", "convert": "integer" }""");

        var result = MapOpportunity(mapping, Opportunity().Replace("75.0", "75.5", StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.ConversionFailed, error.Code);
        Assert.Equal("/Probability", error.Path);
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData("Closed Won", OpportunityStage.ClosedWon)]
    [InlineData("Negotiation/Review", OpportunityStage.Negotiation)]
    public void Map_ValueMap_MapsKnownValues(string stageName, OpportunityStage expected)
    {
        var mapping = LoadOpportunity("""{ "target": "/stage", "path": "/StageName", "valueMap": { "Closed Won": "closed-won", "Negotiation/Review": "negotiation" }, "onUnmapped": "error" }""");

        Assert.Equal(expected, MapOpportunity(mapping, Opportunity(stageName)).Value!.Stage.Value);
    }

    [Fact]
    public void Map_ValueMapUnmappedError_ReportsSourcePointer()
    {
        var mapping = LoadOpportunity("""{ "target": "/stage", "path": "/StageName", "valueMap": { "Closed Won": "closed-won" }, "onUnmapped": "error" }""");

        var result = MapOpportunity(mapping, Opportunity("Stalled"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.UnmappedValue, error.Code);
        Assert.Equal("/StageName", error.Path);
        Assert.Contains("Stalled", error.Message, StringComparison.Ordinal);
        Assert.Equal("0065g00000XyZAbAAN", result.Lineage.SourceId);
    }

    [Fact]
    public void Map_ValueMapUnmappedDefault_UsesDefault()
    {
        var mapping = LoadOpportunity("""{ "target": "/stage", "path": "/StageName", "valueMap": { "Closed Won": "closed-won" }, "onUnmapped": { "default": "qualification" } }""");

        Assert.Equal(OpportunityStage.Qualification, MapOpportunity(mapping, Opportunity("Stalled")).Value!.Stage.Value);
    }

    [Fact]
    public void Map_ValueMapPassthrough_KeepsRawValue()
    {
        var mapping = LoadOpportunity("""{ "target": "/stage", "path": "/StageName", "valueMap": { "Closed Won": "closed-won" }, "onUnmapped": "passthrough" }""");

        var stage = MapOpportunity(mapping, Opportunity("Stalled")).Value!.Stage;

        Assert.False(stage.IsKnown);
        Assert.Equal("Stalled", stage.RawValue);
    }

    [Theory]
    [InlineData("\"1234.5\"", "1234.50")]
    [InlineData("1234.5", "1234.50")]
    [InlineData("2.345", "2.34")]
    [InlineData("2.355", "2.36")]
    [InlineData("125000.0", "125000.00")]
    public void Map_Money_ParsesInvariantAndRoundsHalfEven(string amount, string expected)
    {
        var result = MapOpportunity(LoadOpportunity(), Opportunity(amount: amount));

        Assert.Equal(Money.Of(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CurrencyCode.Usd), result.Value!.Amount);
        Assert.Contains($"\"amount\":\"{expected}\"", CanonicalJson.Serialize(result.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void Map_MoneyWithCultureFormattedAmount_ReportsConversionFailed()
    {
        var result = MapOpportunity(LoadOpportunity(), Opportunity(amount: "\"1,234.50\""));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.ConversionFailed, error.Code);
        Assert.Equal("/Amount", error.Path);
    }

    [Fact]
    public void Map_MoneyWithoutCurrency_UsesDefaultCurrency()
    {
        var result = MapOpportunity(LoadOpportunity(), Opportunity().Replace("\"CurrencyIsoCode\": \"USD\",", string.Empty, StringComparison.Ordinal));

        Assert.Equal(CurrencyCode.Usd, result.Value!.Amount.Currency);
    }

    [Fact]
    public void Map_MissingRequiredValue_ReportsSourcePointer()
    {
        var result = MapOpportunity(LoadOpportunity(), Opportunity().Replace("\"Name\": \"Globex ERP rollout\",", string.Empty, StringComparison.Ordinal));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.MissingValue, error.Code);
        Assert.Equal("/Name", error.Path);
        Assert.Contains("/name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_SeveralBadValues_ReportsEveryError()
    {
        var mapping = LoadOpportunity(
            """{ "target": "/stage", "path": "/StageName", "valueMap": { "Closed Won": "closed-won" } }""",
            """{ "target": "/probability", "path": "/Probability", "convert": "integer" }""");

        var result = MapOpportunity(mapping, Opportunity("Stalled", "\"ten\"").Replace("75.0", "\"high\"", StringComparison.Ordinal));

        Assert.Equal(["/Amount", "/Probability", "/StageName"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    [Fact]
    public void Map_DateFromInstantWithTimeZone_UsesTheZonesDay()
    {
        var mapping = LoadOpportunity("""{ "target": "/closeDate", "path": "/CloseDate", "convert": "date", "timeZone": "Europe/Berlin" }""");

        var result = MapOpportunity(mapping, Opportunity().Replace("\"2026-03-31\"", "\"2026-03-31T23:30:00.000+0000\"", StringComparison.Ordinal));

        Assert.Equal(new DateOnly(2026, 4, 1), result.Value!.CloseDate);
    }

    [Fact]
    public void Map_DateFromInstantWithoutTimeZone_ReportsConversionFailed()
    {
        var result = MapOpportunity(LoadOpportunity(), Opportunity().Replace("\"2026-03-31\"", "\"2026-03-31T23:30:00Z\"", StringComparison.Ordinal));

        Assert.Equal(MappingErrorCodes.ConversionFailed, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Map_Template_JoinsFields()
    {
        var mapping = LoadOpportunity("""{ "target": "/owner", "template": "{FirstName} {LastName} <{/Owner/Email}>" }""");

        var result = MapOpportunity(mapping, Opportunity(extra: """, "FirstName": "Ada", "LastName": "Lovelace", "Owner": { "Email": "ada@example.com" }"""));

        Assert.Equal("Ada Lovelace <ada@example.com>", result.Value!.Owner);
    }

    [Fact]
    public void Map_TemplateWithoutValues_IsMissing()
    {
        var mapping = LoadOpportunity("""{ "target": "/owner", "template": "{FirstName} {LastName}" }""");

        Assert.Equal(MappingErrorCodes.MissingValue, Assert.Single(MapOpportunity(mapping, Opportunity()).Errors).Code);
    }

    [Theory]
    [InlineData("\"Fixed Fee\"", "proserv-de-gmbh")]
    [InlineData("\"Time & Materials\"", null)]
    public void Map_WhenEquals_AppliesOnlyOnMatch(string billing, string? expected)
    {
        var mapping = LoadOpportunity("""{ "target": "/legalEntity", "path": "/Legal_Entity__c", "when": { "path": "/Billing_Method__c", "equals": "Fixed Fee" } }""");

        var result = MapOpportunity(mapping, Opportunity(extra: $$""", "Billing_Method__c": {{billing}}, "Legal_Entity__c": "proserv-de-gmbh" """));

        Assert.Equal(expected, result.Value!.LegalEntity);
    }

    [Fact]
    public void Map_WhenExistsFalse_AppliesWhenAbsent()
    {
        var mapping = LoadOpportunity("""{ "target": "/serviceLine", "const": "general", "when": { "path": "/Service_Line__c", "exists": false } }""");

        Assert.Equal("general", MapOpportunity(mapping, Opportunity()).Value!.ServiceLine);
        Assert.Null(MapOpportunity(mapping, Opportunity(extra: """, "Service_Line__c": "x" """)).Value!.ServiceLine);
    }

    [Fact]
    public void Map_LookupDerive_IsDeterministicPerTenant()
    {
        var mapping = LoadOpportunity();

        var first = MapOpportunity(mapping, Opportunity()).Value!;
        var second = MapOpportunity(mapping, Opportunity()).Value!;
        var otherTenant = mapping.Map<Opportunity>(Parse(Opportunity()), new MappingContext("globex")).Value!;

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.ClientId, second.ClientId);
        Assert.NotEqual(first.Id, otherTenant.Id);
        Assert.Equal(8, first.Id.Value.Version);
    }

    [Fact]
    public async Task MapAsync_LookupResolved_UsesCrossReference()
    {
        var resolver = new InMemoryCrossReferenceResolver();
        var clientId = Guid.CreateVersion7();
        resolver.Add(Tenant, "client", "salesforce", "0015g00000AbCdEAAZ", clientId);

        var result = await LoadOpportunity().MapAsync<Opportunity>(Encoding.UTF8.GetBytes(Opportunity()), Context(resolver));

        Assert.Equal(clientId, result.Value!.ClientId.Value);
    }

    [Fact]
    public async Task MapAsync_LookupMissingWithError_ReportsSourcePointer()
    {
        var mapping = LoadOpportunity("""{ "target": "/clientId", "lookup": { "path": "/AccountId", "recordType": "client" } }""");

        var result = await mapping.MapAsync<Opportunity>(Encoding.UTF8.GetBytes(Opportunity()), Context(new InMemoryCrossReferenceResolver()));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.LookupMissing, error.Code);
        Assert.Equal("/AccountId", error.Path);
    }

    [Fact]
    public async Task MapManyAsync_Lookups_ResolvedInOneCallPerRecordTypeAndSystem()
    {
        var resolver = new InMemoryCrossReferenceResolver();
        var sources = Enumerable.Range(0, 25)
            .Select(i => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(Opportunity().Replace("0015g00000AbCdEAAZ", $"0015g00000Acct{i:D4}", StringComparison.Ordinal)))
            .ToArray();

        var results = await LoadOpportunity().MapManyAsync<Opportunity>(sources, Context(resolver));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(25, results.Select(r => r.Value!.ClientId).Distinct().Count());
        Assert.Equal(2, resolver.CallCount);
    }

    [Fact]
    public void Map_WithResolverAndLookups_ThrowsUseAsync()
    {
        Assert.Throws<InvalidOperationException>(() => LoadOpportunity().Map<Opportunity>(Parse(Opportunity()), Context(new InMemoryCrossReferenceResolver())));
    }

    [Fact]
    public void Map_WrongTargetType_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => LoadOpportunity().Map<Client>(Parse(Opportunity()), Context()));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public async Task MapAsync_SourceNotAnObject_ReportsMalformedSource(string json)
    {
        var result = await LoadOpportunity().MapAsync<Opportunity>(Encoding.UTF8.GetBytes(json), Context());

        Assert.Equal(MappingErrorCodes.MalformedSource, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Map_SourceId_WritesExternalReferenceAndLineage()
    {
        var result = MapOpportunity(LoadOpportunity(), Opportunity());

        Assert.Equal(new ExternalReference("salesforce", "0065g00000XyZAbAAN"), Assert.Single(result.Value!.ExternalReferences));
        Assert.Equal(new MappingLineage("test-opportunity", "1.0.0", "salesforce", "Opportunity", "0065g00000XyZAbAAN"), result.Lineage);
    }
}
