using System.Text.Json;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Ownership;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Tests.Ownership;

public sealed class OwnershipMergeTests
{
    private static readonly OwnershipPolicy Policy = OwnershipPolicy.Default;

    [Fact]
    public void Merge_CrmChangesOpportunityValueAndName_Applied()
    {
        var faker = new CanonicalFaker(3);
        var current = faker.Opportunity(faker.Client(CurrencyCode.Parse("USD")), OpportunityStage.Proposal);
        var inbound = current with { Amount = Money.Of(250_000m, CurrencyCode.Parse("USD")), Name = "Cloud migration phase 2" };

        var result = Policy.Merge(current, inbound, "salesforce");

        Assert.False(result.HasConflicts);
        Assert.Equal(["/name", "/amount"], result.AppliedFields);
        Assert.Equal(Json(inbound), Json(result.Value));
    }

    [Fact]
    public void Merge_ErpChangesClientNameAndTerms_NameRefusedTermsApplied()
    {
        var faker = new CanonicalFaker(5);
        var current = faker.Client();
        var inbound = current with { Name = "ACME GmbH (ERP spelling)", PaymentTermsDays = 45 };

        var result = Policy.Merge(current, inbound, "netsuite");

        Assert.Equal(["/paymentTermsDays"], result.AppliedFields);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("client", current.Id.ToString(), "/name", "crm", "netsuite"), (conflict.RecordType, conflict.RecordId, conflict.Path, conflict.Owner, conflict.Source));
        Assert.Equal(current.Name, conflict.CurrentValue!.Value.GetString());
        Assert.Equal("ACME GmbH (ERP spelling)", conflict.AttemptedValue!.Value.GetString());
        Assert.Equal(OwnershipErrorCodes.Conflict, conflict.Code);
        Assert.Contains("crm owns that field", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(current.Name, result.Value.Name);
        Assert.Equal(45, result.Value.PaymentTermsDays);
    }

    [Fact]
    public void Merge_PsaChangesInvoiceNumberAndTax_RefusedErpStatusApplied()
    {
        var faker = new CanonicalFaker(8);
        var client = faker.Client();
        var current = faker.Invoice(client, faker.Engagement(client));
        var fromPsa = current with { Number = "PSA-0001", TaxTotal = current.TaxTotal + Money.FromMinorUnits(1, current.Currency) };
        var fromErp = current with { Status = InvoiceStatus.Paid, AmountPaid = current.Total, AmountDue = Money.Zero(current.Currency) };

        var psa = Policy.Merge(current, fromPsa, OwnershipSystems.Psa);
        var erp = Policy.Merge(current, fromErp, "netsuite");

        Assert.Equal(["/number", "/taxTotal"], psa.Conflicts.Select(c => c.Path), StringComparer.Ordinal);
        Assert.Same(current, psa.Value);
        Assert.False(psa.HasChanges);
        Assert.Empty(erp.Conflicts);
        Assert.Equal(InvoiceStatus.Paid, erp.Value.Status.Value);
        Assert.Equal(current.Total, erp.Value.AmountPaid);
    }

    [Fact]
    public void Merge_NoCurrentRecord_TakesInboundWhole()
    {
        var faker = new CanonicalFaker(9);
        var client = faker.Client();
        var invoice = faker.Invoice(client, faker.Engagement(client));

        var result = Policy.Merge(null, invoice, OwnershipSystems.Psa);

        Assert.True(result.IsNew);
        Assert.Same(invoice, result.Value);
        Assert.Empty(result.Conflicts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Merge_FirmDatasetRecordsUnchanged_NoChangeNoConflictFromAnySystem(int seed)
    {
        var firm = new CanonicalFaker(seed).Firm();

        foreach (var record in firm.AllRecords())
        {
            foreach (var system in new[] { "salesforce", "psa", "netsuite" })
            {
                var result = MergeAny(record, record, system);

                Assert.False(result.HasChanges);
                Assert.False(result.HasConflicts);
            }
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void Merge_FirmTimeEntriesEditedByErp_EveryChangeIsAConflictAndCurrentKept(int seed)
    {
        var firm = new CanonicalFaker(seed).Firm();

        foreach (var entry in firm.TimeEntries)
        {
            var edited = entry with { Hours = entry.Hours + 1m, Description = "changed in finance", WorkDate = entry.WorkDate.AddDays(1) };

            var result = Policy.Merge(entry, edited, "netsuite");

            Assert.Equal(["/workDate", "/hours", "/description"], result.Conflicts.Select(c => c.Path), StringComparer.Ordinal);
            Assert.All(result.Conflicts, c => Assert.Equal("psa", c.Owner));
            Assert.Same(entry, result.Value);
        }
    }

    [Fact]
    public void Merge_NonOwnerClearsField_ConflictWithNoAttemptedValue()
    {
        var faker = new CanonicalFaker(10);
        var current = faker.Client() with { TaxProfile = new TaxProfile { TaxRegion = "DE", TaxId = "DE123456789" } };

        var byCrm = Policy.Merge(current, current with { TaxProfile = null }, "salesforce");
        var byErp = Policy.Merge(current, current with { TaxProfile = null }, "netsuite");

        var conflict = Assert.Single(byCrm.Conflicts);
        Assert.Equal("/taxProfile", conflict.Path);
        Assert.Null(conflict.AttemptedValue);
        Assert.NotNull(byCrm.Value.TaxProfile);
        Assert.Equal(["/taxProfile"], byErp.AppliedFields);
        Assert.Null(byErp.Value.TaxProfile);
    }

    [Fact]
    public void Merge_NestedOwnership_FieldsInsideObjectJudgedSeparately()
    {
        var policy = OwnershipPolicy.CreateBuilder()
            .Own<Client>(OwnershipSystems.Crm)
            .Own<Client>("/billingAddress/postalCode", OwnershipSystems.Erp)
            .Build();
        var faker = new CanonicalFaker(11);
        var current = faker.Client() with
        {
            BillingAddress = new PostalAddress { Lines = ["1 Main St"], City = "Springfield", PostalCode = "12345", CountryCode = "US" },
        };
        var inbound = current with { BillingAddress = current.BillingAddress with { City = "Shelbyville", PostalCode = "54321" } };

        var result = policy.Merge(current, inbound, OwnershipSystems.Crm);

        Assert.Equal(["/billingAddress/city"], result.AppliedFields);
        Assert.Equal(["/billingAddress/postalCode"], result.Conflicts.Select(c => c.Path), StringComparer.Ordinal);
        Assert.Equal(("Shelbyville", "12345"), (result.Value.BillingAddress!.City, result.Value.BillingAddress.PostalCode));
    }

    [Fact]
    public void Merge_SharedField_AppliedFromAnySystem()
    {
        var policy = Policy.ToBuilder().Share<TimeEntry>("/description").Build();
        var firm = new CanonicalFaker(12).Firm(clients: 1);
        var entry = firm.TimeEntries[0];

        var result = policy.Merge(entry, entry with { Description = "Workshop with the CFO" }, "netsuite");

        Assert.Empty(result.Conflicts);
        Assert.Equal("Workshop with the CFO", result.Value.Description);
    }

    [Fact]
    public void Merge_ExternalReferences_SourceEntryUpdatedOthersKept()
    {
        var faker = new CanonicalFaker(13);
        var current = faker.Client() with
        {
            ExternalReferences = [new ExternalReference("salesforce", "001A", "\"v1\""), new ExternalReference("netsuite", "77")],
        };
        var inbound = current with
        {
            ExternalReferences = [new ExternalReference("salesforce", "001A", "\"v2\""), new ExternalReference("netsuite", "forged")],
        };

        var result = Policy.Merge(current, inbound, "salesforce");

        Assert.Equal(["/externalReferences"], result.AppliedFields);
        Assert.Equal(
            [new ExternalReference("netsuite", "77"), new ExternalReference("salesforce", "001A", "\"v2\"")],
            result.Value.ExternalReferences);
    }

    [Fact]
    public void Merge_DifferentRecords_Throws()
    {
        var faker = new CanonicalFaker(14);
        var one = faker.Client();
        var other = faker.Client();

        Assert.Throws<ArgumentException>(() => Policy.Merge(one, other, "salesforce"));
        Assert.Throws<ArgumentException>(() => Policy.Merge(one, one with { TenantId = "other-firm" }, "salesforce"));
    }

    [Fact]
    public void Merge_UngovernedRecordType_EverythingApplied()
    {
        var policy = Policy.ToBuilder().Remove<Client>().Build();
        var faker = new CanonicalFaker(15);
        var current = faker.Client();

        var result = policy.Merge(current, current with { Name = "Renamed", PaymentTermsDays = 10 }, "anything");

        Assert.Empty(result.Conflicts);
        Assert.Equal(["/name", "/paymentTermsDays"], result.AppliedFields);
    }

    private static string Json<T>(T value) => CanonicalJson.Serialize(value);

    private static (bool HasChanges, bool HasConflicts) MergeAny(ICanonicalRecord current, ICanonicalRecord inbound, string system) => current switch
    {
        Client c => Flags(Policy.Merge(c, (Client)inbound, system)),
        Opportunity o => Flags(Policy.Merge(o, (Opportunity)inbound, system)),
        Engagement e => Flags(Policy.Merge(e, (Engagement)inbound, system)),
        ContractLine l => Flags(Policy.Merge(l, (ContractLine)inbound, system)),
        Resource r => Flags(Policy.Merge(r, (Resource)inbound, system)),
        ResourceAssignment a => Flags(Policy.Merge(a, (ResourceAssignment)inbound, system)),
        Milestone m => Flags(Policy.Merge(m, (Milestone)inbound, system)),
        TimeEntry t => Flags(Policy.Merge(t, (TimeEntry)inbound, system)),
        Expense x => Flags(Policy.Merge(x, (Expense)inbound, system)),
        BillingEvent b => Flags(Policy.Merge(b, (BillingEvent)inbound, system)),
        Invoice i => Flags(Policy.Merge(i, (Invoice)inbound, system)),
        Payment p => Flags(Policy.Merge(p, (Payment)inbound, system)),
        _ => throw new ArgumentException(current.GetType().Name, nameof(current)),
    };

    private static (bool, bool) Flags<T>(OwnershipMergeResult<T> result)
        where T : class => (result.HasChanges, result.HasConflicts);
}
