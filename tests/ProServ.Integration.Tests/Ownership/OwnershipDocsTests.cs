using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Ownership;
using ProServ.Integration.TestUtils;
using ProServ.Integration.TestUtils.Docs;

namespace ProServ.Integration.Tests.Ownership;

/// <summary>The examples of docs/ownership.md: each region is the text of a snippet in the doc, and runs here.</summary>
public sealed class OwnershipDocsTests
{
    [Fact]
    public void OwnershipDoc_Snippets_MatchCompiledRegions()
    {
        DocSnippets.Verify(Path.Combine(RepositoryLayout.DocsFolder, "ownership.md"), Path.Combine(RepositoryLayout.Root, "tests", "ProServ.Integration.Tests"));
    }

    [Fact]
    public void Merge_DocExample_RefusesNameAppliesTerms()
    {
        var faker = new CanonicalFaker(31);
        var stored = faker.Client() with { Name = "Acme Corp", PaymentTermsDays = 30 };
        var fromNetSuite = stored with { Name = "ACME CORPORATION", PaymentTermsDays = 45 };
        var conflicts = new List<string>();
        void Report(string line) => conflicts.Add(line);

        #region docs:ownership-merge
        OwnershipPolicy policy = OwnershipPolicy.Default;

        // NetSuite (the ERP) sent the client back with a new name and new payment terms.
        OwnershipMergeResult<Client> merged = policy.Merge(stored, fromNetSuite, sourceSystem: "netsuite");

        Client toSave = merged.Value;                 // name still "Acme Corp", payment terms now 45 days
        foreach (OwnershipConflict conflict in merged.Conflicts)
        {
            // ownership.conflict /name: netsuite tried to change /name of client ... but crm owns that field ...
            Report($"{conflict.Code} {conflict.Path}: {conflict.Message}");
        }
        #endregion

        Assert.Equal(("Acme Corp", 45), (toSave.Name, toSave.PaymentTermsDays));
        Assert.Equal(["/paymentTermsDays"], merged.AppliedFields, StringComparer.Ordinal);
        var line = Assert.Single(conflicts);
        Assert.StartsWith("ownership.conflict /name: netsuite tried to change /name of client", line, StringComparison.Ordinal);
        Assert.Contains("but crm owns that field", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Customize_DocExample_HostPolicy()
    {
        #region docs:ownership-customize
        OwnershipPolicy acmePolicy = OwnershipPolicy.Default.ToBuilder()
            .MapSystem("dynamics", OwnershipSystems.Crm)      // Acme's CRM is Dynamics 365
            .MapSystem("kantata", OwnershipSystems.Psa)       // and its PSA is Kantata
            .Own<Resource>("hris")                            // people are mastered in the HR system
            .Own<Opportunity>("/expectedStartDate", OwnershipSystems.Psa)
            .Share<TimeEntry>("/description")                 // anyone may fix a typo in a description
            .Build();
        #endregion

        Assert.Equal("crm", acmePolicy.ResolveRole("dynamics"));
        Assert.Equal("hris", acmePolicy.GetOwner<Resource>("/name"));
        Assert.Equal("psa", acmePolicy.GetOwner<Opportunity>("/expectedStartDate"));
        Assert.True(acmePolicy.CanWrite<TimeEntry>("/description", "netsuite"));
        Assert.False(acmePolicy.CanWrite<TimeEntry>("/hours", "dynamics"));
    }

    [Fact]
    public void FilterOutbound_DocExample_LeavesOutErpFields()
    {
        var faker = new CanonicalFaker(32);
        var client = faker.Client() with { PaymentTermsDays = 30, TaxProfile = new TaxProfile { TaxRegion = "US-NY" } };
        string? written = null;
        void Send(string json) => written = json;

        #region docs:ownership-outbound
        // Updating the client in NetSuite: never overwrite what the ERP owns (tax profile, payment terms).
        OutboundRecord outbound = OwnershipPolicy.Default.FilterOutbound(client, targetSystem: "netsuite", OutboundWriteKind.Update);

        // outbound.OmittedFields: ["/taxProfile", "/paymentTermsDays"]; map outbound.Json into the NetSuite payload.
        Send(outbound.Json.GetRawText());
        #endregion

        Assert.NotNull(written);
        Assert.DoesNotContain("paymentTermsDays", written, StringComparison.Ordinal);
        Assert.Contains(client.Name, written, StringComparison.Ordinal);
        Assert.Equal(["/taxProfile", "/paymentTermsDays"], outbound.OmittedFields, StringComparer.Ordinal);
        _ = Money.Zero(client.Currency);
    }
}
