using System.Text;
using System.Text.Json;
using ProServ.Integration.Finance;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Serialization;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

public sealed class ReferenceMappingsTests
{
    private const string Account = """
        {
          "attributes": { "type": "Account", "url": "/services/data/v62.0/sobjects/Account/0015g00000AbCdEAAZ" },
          "Id": "0015g00000AbCdEAAZ",
          "Name": "Globex",
          "Legal_Name__c": "Globex Corporation",
          "Legal_Entity__c": "proserv-us-inc",
          "BillingStreet": "1 Globex Way\nSuite 400",
          "BillingCity": "Cypress Creek",
          "BillingStateCode": "OR",
          "BillingPostalCode": "97001",
          "BillingCountryCode": "US",
          "Tax_Region__c": "US-OR",
          "Tax_Id__c": "93-1234567",
          "Payment_Terms_Days__c": 45.0,
          "CurrencyIsoCode": "USD",
          "Account_Status__c": "Active"
        }
        """;

    private static readonly CompiledMapping OpportunityMapping = MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceOpportunity);
    private static readonly CompiledMapping AccountMapping = MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceAccount);

    [Fact]
    public void LoadReference_EveryId_Loads()
    {
        foreach (var id in ReferenceMappings.Ids)
        {
            Assert.Equal(id, MappingLoader.Default.LoadReference(id).Id);
        }
    }

    [Fact]
    public void LoadReference_UnknownId_Throws()
    {
        Assert.Throws<KeyNotFoundException>(() => MappingLoader.Default.LoadReference("hubspot-deal"));
    }

    [Fact]
    public void SalesforceAccount_HandWrittenPayload_MapsEveryField()
    {
        var result = AccountMapping.Map<Client>(Parse(Account), Context());

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var client = result.Value!;
        Assert.Equal("Globex", client.Name);
        Assert.Equal("Globex Corporation", client.LegalName);
        Assert.Equal("proserv-us-inc", client.LegalEntity);
        Assert.Equal(45, client.PaymentTermsDays);
        Assert.Equal(CurrencyCode.Usd, client.Currency);
        Assert.Equal(ClientStatus.Active, client.Status.Value);
        Assert.Equal(["1 Globex Way", "Suite 400"], client.BillingAddress!.Lines);
        Assert.Equal("OR", client.BillingAddress.Region);
        Assert.Equal("US-OR", client.TaxProfile!.TaxRegion);
        Assert.False(client.TaxProfile.TaxExempt);
        Assert.Equal(new ExternalReference("salesforce", "0015g00000AbCdEAAZ"), Assert.Single(client.ExternalReferences));
        AssertValid(client);
    }

    [Fact]
    public void SalesforceAccount_MinimalPayload_UsesDefaultsAndOmitsObjects()
    {
        var result = AccountMapping.Map<Client>(Parse("""{ "Id": "0015g00000Minimal", "Name": "Initech" }"""), Context());

        var client = result.Value!;
        Assert.Equal(30, client.PaymentTermsDays);
        Assert.Equal(CurrencyCode.Usd, client.Currency);
        Assert.Equal(ClientStatus.Active, client.Status.Value);
        Assert.Null(client.BillingAddress);
        Assert.Null(client.TaxProfile);
        AssertValid(client);
    }

    [Fact]
    public void SalesforceOpportunity_HandWrittenPayload_MapsEveryField()
    {
        var json = Opportunity("Closed Won", extra: """
            ,
              "Billing_Method__c": "Time & Materials",
              "Service_Line__c": "erp-implementation",
              "Legal_Entity__c": "proserv-us-inc",
              "Expected_Start_Date__c": "2026-04-15",
              "Project_Manager__c": "0055g00000PmAAAA"
            """);

        var result = OpportunityMapping.Map<Opportunity>(Parse(json), Context());

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var opportunity = result.Value!;
        Assert.Equal(OpportunityStage.ClosedWon, opportunity.Stage.Value);
        Assert.Equal(Money.Of(125000.00m, CurrencyCode.Usd), opportunity.Amount);
        Assert.Equal(75, opportunity.Probability);
        Assert.Equal(BillingMethod.TimeAndMaterials, opportunity.BillingMethod!.Value.Value);
        Assert.Equal(new DateOnly(2026, 4, 15), opportunity.ExpectedStartDate);
        Assert.Null(opportunity.ProjectManagerId);
        Assert.Equal("1.0.0", result.Lineage.MappingVersion);
        AssertValid(opportunity);
    }

    [Fact]
    public void SalesforceOpportunity_ClientId_MatchesTheMappedAccountsId()
    {
        var client = AccountMapping.Map<Client>(Parse(Account), Context()).Value!;
        var opportunity = OpportunityMapping.Map<Opportunity>(Parse(Opportunity()), Context()).Value!;

        Assert.Equal(client.Id, opportunity.ClientId);
    }

    [Fact]
    public async Task SalesforceOpportunity_ProjectManagerCrossReferenced_IsSet()
    {
        var resolver = new InMemoryCrossReferenceResolver();
        var manager = Guid.CreateVersion7();
        resolver.Add(Tenant, "resource", "salesforce", "0055g00000PmAAAA", manager);

        var result = await OpportunityMapping.MapAsync<Opportunity>(
            Encoding.UTF8.GetBytes(Opportunity(extra: ", \"Project_Manager__c\": \"0055g00000PmAAAA\"")), Context(resolver));

        Assert.Equal(manager, result.Value!.ProjectManagerId!.Value.Value);
    }

    [Fact]
    public void SalesforceOpportunity_UnknownStage_ReportsErrorAtStageName()
    {
        var result = OpportunityMapping.Map<Opportunity>(Parse(Opportunity("Stalled")), Context());

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.UnmappedValue, error.Code);
        Assert.Equal("/StageName", error.Path);
        Assert.Equal(ReferenceMappings.SalesforceOpportunity, result.Lineage.MappingId);
    }

    [Fact]
    public async Task ReferenceMappings_BogusPayloads_ProduceSchemaValidRecords()
    {
        var payloads = new SalesforcePayloads(seed: 20260314);
        var accounts = Enumerable.Range(0, 100).Select(_ => payloads.Account()).ToArray();
        var opportunities = accounts.SelectMany(a => Enumerable.Range(0, 2).Select(_ => payloads.Opportunity(a["Id"]!.GetValue<string>()))).ToArray();

        var clients = await AccountMapping.MapManyAsync<Client>(accounts.Select(a => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(a.ToJsonString())).ToArray(), Context());
        var mapped = await OpportunityMapping.MapManyAsync<Opportunity>(opportunities.Select(o => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(o.ToJsonString())).ToArray(), Context());

        Assert.All(clients, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        Assert.All(mapped, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        Assert.All(clients, r => AssertValid(r.Value!));
        Assert.All(mapped, r => AssertValid(r.Value!));
        var clientIds = clients.Select(c => c.Value!.Id).ToHashSet();
        Assert.All(mapped, r => Assert.Contains(r.Value!.ClientId, clientIds));
        Assert.Equal(opportunities.Select(o => o["Id"]!.GetValue<string>()), mapped.Select(r => r.Lineage.SourceId), StringComparer.Ordinal);
    }

    private static void AssertValid<T>(T record)
        where T : class
    {
        var schema = SchemaCatalog.Default.GetFor(typeof(T)).Schema;
        var result = schema.Validate(CanonicalJson.SerializeToUtf8Bytes(record));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.InstanceLocation}: {e.Message}")) + " in " + CanonicalJson.Serialize(record));
    }
}
