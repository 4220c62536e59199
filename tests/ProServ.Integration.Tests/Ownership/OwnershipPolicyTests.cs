using ProServ.Integration.Errors;
using ProServ.Integration.Model;
using ProServ.Integration.Ownership;

namespace ProServ.Integration.Tests.Ownership;

public sealed class OwnershipPolicyTests
{
    [Fact]
    public void Default_Entries_AreTheDocumentedCrmPsaErpSplit()
    {
        var table = OwnershipPolicy.Default.Entries.Select(e => $"{e.RecordType} {(e.Path.Length == 0 ? "*" : e.Path)} {e.Owner}");

        Assert.Equal(
            [
                "billing-event * psa",
                "billing-event /invoiceId erp",
                "billing-event /status erp",
                "client * crm",
                "client /paymentTermsDays erp",
                "client /taxProfile erp",
                "contract-line * psa",
                "engagement * psa",
                "expense * psa",
                "invoice * erp",
                "milestone * psa",
                "opportunity * crm",
                "payment * erp",
                "resource * psa",
                "resource-assignment * psa",
                "time-entry * psa",
            ],
            table, StringComparer.Ordinal);
    }

    [Fact]
    public void Default_EveryCanonicalRecordTypeIsGoverned()
    {
        var governed = OwnershipPolicy.Default.Entries.Where(e => e.Path.Length == 0).Select(e => e.RecordType).ToHashSet(StringComparer.Ordinal);

        foreach (var type in ProServ.Integration.Serialization.CanonicalSchemaIds.RecordTypes.Where(t => typeof(ICanonicalRecord).IsAssignableFrom(t)))
        {
            Assert.Contains(ProServ.Integration.Serialization.CanonicalSchemaIds.GetSchemaName(type), governed);
        }
    }

    [Theory]
    [InlineData(typeof(Client), "/name", "crm")]
    [InlineData(typeof(Client), "/taxProfile", "erp")]
    [InlineData(typeof(Client), "/taxProfile/taxId", "erp")]
    [InlineData(typeof(Opportunity), "/amount", "crm")]
    [InlineData(typeof(Engagement), "/startDate", "psa")]
    [InlineData(typeof(TimeEntry), "/hours", "psa")]
    [InlineData(typeof(Invoice), "/number", "erp")]
    [InlineData(typeof(Invoice), "/taxTotal", "erp")]
    [InlineData(typeof(Invoice), "/lines/0/taxAmount", "erp")]
    [InlineData(typeof(Payment), "/status", "erp")]
    [InlineData(typeof(BillingEvent), "/amount", "psa")]
    [InlineData(typeof(BillingEvent), "/status", "erp")]
    public void GetOwner_DefaultPolicy_NamesSystemOfRecord(Type recordType, string path, string owner)
    {
        Assert.Equal(owner, OwnershipPolicy.Default.GetOwner(recordType, path));
    }

    [Theory]
    [InlineData("salesforce", "crm")]
    [InlineData("hubspot", "crm")]
    [InlineData("netsuite", "erp")]
    [InlineData("psa", "psa")]
    [InlineData("kantata", "kantata")]
    public void ResolveRole_DefaultPolicy_MapsKnownSystemsAndKeepsOthers(string system, string role)
    {
        Assert.Equal(role, OwnershipPolicy.Default.ResolveRole(system));
    }

    [Fact]
    public void ToBuilder_HostOverrides_DoNotChangeDefault()
    {
        var policy = OwnershipPolicy.Default.ToBuilder()
            .Own<Resource>("hris")
            .Own<Opportunity>("/expectedStartDate", OwnershipSystems.Psa)
            .Share<TimeEntry>("/description")
            .Remove<Payment>()
            .MapSystem("kantata", OwnershipSystems.Psa)
            .Build();

        Assert.Equal("hris", policy.GetOwner<Resource>("/email"));
        Assert.Equal("psa", policy.GetOwner<Opportunity>("/expectedStartDate"));
        Assert.Equal("crm", policy.GetOwner<Opportunity>("/amount"));
        Assert.Null(policy.GetOwner<TimeEntry>("/description"));
        Assert.Null(policy.GetOwner<Payment>("/amount"));
        Assert.True(policy.CanWrite<TimeEntry>("/description", "netsuite"));
        Assert.True(policy.CanWrite<TimeEntry>("/hours", "kantata"));
        Assert.False(policy.CanWrite<TimeEntry>("/hours", "netsuite"));
        Assert.Equal("psa", OwnershipPolicy.Default.GetOwner<Resource>("/email"));
        Assert.Equal("erp", OwnershipPolicy.Default.GetOwner<Payment>("/amount"));
    }

    [Fact]
    public void Build_InvalidLines_ThrowsListingEveryProblem()
    {
        var builder = OwnershipPolicy.CreateBuilder()
            .Own<Client>("/nickname", "crm")
            .Own<Client>("/id", "crm")
            .Own<Client>("name", "crm")
            .Own<Invoice>("/lines/amount", "erp")
            .Own<Invoice>("/total/currency", "erp")
            .Own<Opportunity>("CRM")
            .Remove<Payment>("/status")
            .MapSystem("Sales Force", "crm");

        var error = Assert.Throws<IntegrationException>(builder.Build);

        Assert.Equal(OwnershipErrorCodes.InvalidPolicy, error.ErrorCode);
        Assert.Contains("no field '/nickname'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'/id' is managed by the engine", error.Message, StringComparison.Ordinal);
        Assert.Contains("'name': a field is a JSON Pointer", error.Message, StringComparison.Ordinal);
        Assert.Contains("'/lines' is not an object", error.Message, StringComparison.Ordinal);
        Assert.Contains("'/total' is not an object", error.Message, StringComparison.Ordinal);
        Assert.Contains("the owner 'CRM' is not valid", error.Message, StringComparison.Ordinal);
        Assert.Contains("Remove<Payment>('/status')", error.Message, StringComparison.Ordinal);
        Assert.Contains("MapSystem('Sales Force'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NestedFieldOfObject_Accepted()
    {
        var policy = OwnershipPolicy.CreateBuilder()
            .Own<Client>(OwnershipSystems.Crm)
            .Own<Client>("/billingAddress/postalCode", OwnershipSystems.Erp)
            .Build();

        Assert.Equal("erp", policy.GetOwner<Client>("/billingAddress/postalCode"));
        Assert.Equal("crm", policy.GetOwner<Client>("/billingAddress/city"));
        Assert.Equal("crm", policy.GetOwner<Client>("/billingAddress"));
    }
}
