using ProServ.Integration.Model;
using ProServ.Integration.Ownership;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Tests.Ownership;

public sealed class OutboundFilterTests
{
    [Fact]
    public void FilterOutbound_ClientUpdateToErp_LeavesOutErpOwnedFields()
    {
        var client = new CanonicalFaker(20).Client() with { TaxProfile = new TaxProfile { TaxRegion = "US-NY" } };

        var outbound = OwnershipPolicy.Default.FilterOutbound(client, "netsuite");

        Assert.Equal(["/taxProfile", "/paymentTermsDays"], outbound.OmittedFields);
        Assert.False(outbound.Json.TryGetProperty("taxProfile", out _));
        Assert.False(outbound.Json.TryGetProperty("paymentTermsDays", out _));
        Assert.Equal(client.Name, outbound.Json.GetProperty("name").GetString());
        Assert.Equal(client.Id.ToString(), outbound.Json.GetProperty("id").GetString());
    }

    [Fact]
    public void FilterOutbound_InvoiceUpdateToErp_OnlyIdentityLeft()
    {
        var faker = new CanonicalFaker(21);
        var client = faker.Client();
        var invoice = faker.Invoice(client, faker.Engagement(client));

        var outbound = OwnershipPolicy.Default.FilterOutbound(invoice, OwnershipSystems.Erp);

        Assert.Equal(["id", "tenantId", "externalReferences"], outbound.Json.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
        Assert.Contains("/number", outbound.OmittedFields, StringComparer.Ordinal);
        Assert.Contains("/taxTotal", outbound.OmittedFields, StringComparer.Ordinal);
    }

    [Fact]
    public void FilterOutbound_Create_WritesEveryFieldAndRoundTrips()
    {
        var faker = new CanonicalFaker(22);
        var client = faker.Client();
        var invoice = faker.Invoice(client, faker.Engagement(client));

        var outbound = OwnershipPolicy.Default.FilterOutbound(invoice, "netsuite", OutboundWriteKind.Create);

        Assert.Empty(outbound.OmittedFields);
        Assert.Equal(CanonicalJson.Serialize(invoice), CanonicalJson.Serialize(CanonicalJson.Deserialize<Invoice>(outbound.Json)));
    }

    [Fact]
    public void FilterOutbound_TimeEntryToPsaOwner_NothingButIdentityAndToCrm_Everything()
    {
        var firm = new CanonicalFaker(23).Firm(clients: 1);
        var entry = firm.TimeEntries[0];

        var toPsa = OwnershipPolicy.Default.FilterOutbound(entry, "psa");
        var toCrm = OwnershipPolicy.Default.FilterOutbound(entry, "salesforce");

        Assert.Contains("/hours", toPsa.OmittedFields, StringComparer.Ordinal);
        Assert.Empty(toCrm.OmittedFields);
        Assert.Equal(entry.Hours, toCrm.Json.GetProperty("hours").GetDecimal());
    }
}
