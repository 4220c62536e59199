using System.Text;
using ProServ.Integration.Finance;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

public sealed class MappingOverlayTests
{
    private const string EmeaOverlay = """
        {
          "id": "salesforce-opportunity.emea",
          "version": "1.1.0",
          "extends": "salesforce-opportunity",
          "remove": ["/expectedStartDate"],
          "rules": [
            { "target": "/amount", "money": { "amount": "/Amount", "currency": "/CurrencyIsoCode", "defaultCurrency": "EUR" } },
            { "target": "/legalEntity", "path": "/Legal_Entity__c", "default": "proserv-de-gmbh" }
          ]
        }
        """;

    private static MappingFile File(string json, string name = "emea.overlay.json") => new(name, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Load_Overlay_ReplacesAddsAndRemovesOnlyNamedRules()
    {
        var mapping = MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceOpportunity, File(EmeaOverlay));
        var source = Opportunity("Closed Won", extra: ", \"Expected_Start_Date__c\": \"2026-05-01\", \"Service_Line__c\": \"cybersecurity\"")
            .Replace("\"CurrencyIsoCode\": \"USD\",", string.Empty, StringComparison.Ordinal);

        var result = mapping.Map<Opportunity>(Parse(source), Context());

        var opportunity = result.Value!;
        Assert.Equal(CurrencyCode.Eur, opportunity.Amount.Currency);
        Assert.Equal("proserv-de-gmbh", opportunity.LegalEntity);
        Assert.Null(opportunity.ExpectedStartDate);
        Assert.Equal("cybersecurity", opportunity.ServiceLine);
        Assert.Equal(OpportunityStage.ClosedWon, opportunity.Stage.Value);
        Assert.Equal("1.0.0+salesforce-opportunity.emea@1.1.0", result.Lineage.MappingVersion);
        Assert.Equal(["salesforce-opportunity.emea"], mapping.Overlays);
    }

    [Fact]
    public void Load_OverlaysInOrder_LaterWins()
    {
        var tenant = """
            {
              "id": "salesforce-opportunity.acme",
              "version": 3,
              "extends": "salesforce-opportunity",
              "rules": [ { "target": "/legalEntity", "const": "acme-entity" } ]
            }
            """;

        var mapping = MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceOpportunity, File(EmeaOverlay), File(tenant, "acme.json"));

        Assert.Equal("acme-entity", mapping.Map<Opportunity>(Parse(Opportunity()), Context()).Value!.LegalEntity);
        Assert.Equal("1.0.0+salesforce-opportunity.emea@1.1.0+salesforce-opportunity.acme@3", mapping.Version);
    }

    [Fact]
    public void Load_OverlayOfAnotherMapping_ReportsOverlayMismatch()
    {
        var overlay = EmeaOverlay.Replace("\"extends\": \"salesforce-opportunity\"", "\"extends\": \"salesforce-account\"", StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<MappingLoadException>(() => MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceOpportunity, File(overlay))).Problems);

        Assert.Equal(MappingErrorCodes.OverlayMismatch, problem.Code);
        Assert.Equal("emea.overlay.json", problem.File);
        Assert.Equal(LineOf(overlay, "\"extends\""), problem.Line);
    }

    [Fact]
    public void Load_OverlayRuleWithBadValue_ReportsOverlayFileAndLine()
    {
        var overlay = EmeaOverlay.Replace("\"default\": \"proserv-de-gmbh\"", "\"convert\": \"money\"", StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<MappingLoadException>(() => MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceOpportunity, File(overlay))).Problems);

        Assert.Equal(MappingErrorCodes.UnknownConversion, problem.Code);
        Assert.Equal("emea.overlay.json", problem.File);
        Assert.Equal(LineOf(overlay, "\"convert\": \"money\""), problem.Line);
    }

    [Fact]
    public void Load_OverlayRemovingRequiredField_ReportsRequiredUnmapped()
    {
        var overlay = EmeaOverlay.Replace("[\"/expectedStartDate\"]", "[\"/owner\"]", StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<MappingLoadException>(() => MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceOpportunity, File(overlay))).Problems);

        Assert.Equal(MappingErrorCodes.RequiredUnmapped, problem.Code);
        Assert.Contains("/owner", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OverlayRemovingUnmappedField_ReportsOverlayMismatch()
    {
        var overlay = EmeaOverlay.Replace("[\"/expectedStartDate\"]", "[\"/nothing\"]", StringComparison.Ordinal);

        var problem = Assert.Single(Assert.Throws<MappingLoadException>(() => MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceOpportunity, File(overlay))).Problems);

        Assert.Equal(MappingErrorCodes.OverlayMismatch, problem.Code);
        Assert.Equal(LineOf(overlay, "\"/nothing\""), problem.Line);
    }

    [Fact]
    public void Load_OverlayAsBase_ReportsOverlayMismatch()
    {
        Assert.Equal(MappingErrorCodes.OverlayMismatch, Assert.Single(LoadFails(EmeaOverlay).Problems).Code);
    }
}
