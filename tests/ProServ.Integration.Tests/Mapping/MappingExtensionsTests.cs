using System.Text.Json.Nodes;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

/// <summary>The backward-compatible extensions of mapping.v1: minutesToHours, money in minor units, '..' in each items, outbound mappings.</summary>
public sealed class MappingExtensionsTests
{
    private const string OutboundInvoice = """
        {
          "id": "test-invoice-out",
          "version": "1.0.0",
          "direction": "outbound",
          "source": "erp:invoice",
          "target": "invoice@1",
          "sourceId": "/id",
          "rules": [
            { "target": "/externalId", "path": "/id" },
            RULE
          ]
        }
        """;

    [Fact]
    public void Load_MinorUnitsOnAPath_ReportsInvalidRuleAtConvert()
    {
        var json = OpportunityDocument("""{ "target": "/name", "path": "/Name", "convert": "minorUnits" }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.InvalidRule, problem.Code);
        Assert.EndsWith("/convert", problem.Path, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "minorUnits"), problem.Line);
    }

    [Fact]
    public void Load_OtherConversionOnMoney_ReportsInvalidRule()
    {
        var json = OpportunityDocument("""{ "target": "/amount", "money": { "amount": "/Amount", "defaultCurrency": "USD" }, "convert": "decimal" }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.InvalidRule, problem.Code);
        Assert.Contains("minorUnits", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ParentStepOutsideEach_ReportsInvalidRule()
    {
        var json = OpportunityDocument("""{ "target": "/name", "path": "/../Name" }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.InvalidRule, problem.Code);
        Assert.EndsWith("/path", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ParentStepInWhen_ReportsInvalidRule()
    {
        var json = OpportunityDocument("""{ "target": "/owner", "path": "/OwnerId", "when": { "path": "/../Id", "exists": true } }""");

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.InvalidRule, problem.Code);
        Assert.EndsWith("/when/path", problem.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OutboundRuleReadingUnknownCanonicalField_ReportsUnknownSourceField()
    {
        var json = OutboundInvoice.Replace("RULE", """{ "target": "/memo", "path": "/notes" }""", StringComparison.Ordinal);

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.UnknownSourceField, problem.Code);
        Assert.Equal("/rules/1/path", problem.Path);
        Assert.Equal(LineOf(json, "/notes"), problem.Line);
        Assert.Contains("purchaseOrderNumber", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OutboundEachRuleReadingUnknownLineField_ReportsUnknownSourceField()
    {
        var json = OutboundInvoice.Replace("RULE", """{ "target": "/item/items", "each": "/lines", "rules": [ { "target": "/rate", "path": "/price/amount" } ] }""", StringComparison.Ordinal);

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.UnknownSourceField, problem.Code);
        Assert.Equal("/rules/1/rules/0/path", problem.Path);
    }

    [Fact]
    public void Map_OutboundEachWithParentStep_ReadsTheEnclosingRecord()
    {
        var json = OutboundInvoice.Replace("RULE", """{ "target": "/item/items", "each": "/lines", "rules": [ { "target": "/currencyCode", "path": "/../currency" }, { "target": "/line", "path": "/lineNumber" } ] }""", StringComparison.Ordinal);
        var mapping = Load(json);
        var source = Parse("""{ "id": "0195d6f1-4c12-7a01-8b11-3c4d5e6f7a81", "currency": "CHF", "lines": [ { "lineNumber": 1 }, { "lineNumber": 2 } ] }""");

        var result = mapping.Map<JsonObject>(source, Context());

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal("""{"externalId":"0195d6f1-4c12-7a01-8b11-3c4d5e6f7a81","item":{"items":[{"currencyCode":"CHF","line":1},{"currencyCode":"CHF","line":2}]}}""", result.Value!.ToJsonString());
    }

    [Fact]
    public void Load_OutboundRuleTargetingTenantId_IsAllowedBecauseTheVendorShapeIsOpen()
    {
        var mapping = Load(OutboundInvoice.Replace("RULE", """{ "target": "/tenantId", "path": "/tenantId" }""", StringComparison.Ordinal));

        Assert.Equal(MappingDirection.Outbound, mapping.Direction);
        Assert.Equal(typeof(JsonObject), mapping.TargetType);
    }

    [Fact]
    public void Map_ComputedMoneyInMinorUnits_DividesTheRateBeforeMultiplying()
    {
        var mapping = LoadOpportunity("""{ "target": "/amount", "computedMoney": { "quantity": "/Hours", "rate": "/RateCents", "currency": "/CurrencyIsoCode" }, "convert": "minorUnits" }""");

        var result = mapping.Map<Opportunity>(Parse(Opportunity(extra: """, "Hours": 7.25, "RateCents": 18750""")), Context());

        Assert.Equal(1359.38m, result.Value!.Amount.Amount);
    }
}
