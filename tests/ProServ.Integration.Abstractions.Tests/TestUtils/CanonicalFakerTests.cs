using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Abstractions.Tests.TestUtils;

public sealed class CanonicalFakerTests
{
    [Fact]
    public void Firm_SameSeed_GivesIdenticalBytes()
    {
        var a = new CanonicalFaker(seed: 42).Firm();
        var b = new CanonicalFaker(seed: 42).Firm();

        Assert.Equal(Json(a), Json(b), StringComparer.Ordinal);
        Assert.NotEqual(Json(a), Json(new CanonicalFaker(seed: 43).Firm()), StringComparer.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public void Firm_AnySeed_RespectsModelInvariants(int seed)
    {
        var firm = new CanonicalFaker(seed).Firm(clients: 5);
        var engagements = firm.Engagements.ToDictionary(e => e.Id);
        var clients = firm.Clients.Select(c => c.Id).ToHashSet();
        var resources = firm.Resources.Select(r => r.Id).ToHashSet();

        Assert.All(firm.AllRecords(), r => Assert.Matches("^[a-z0-9][a-z0-9-]{0,62}$", r.TenantId));
        Assert.All(firm.AllRecords().SelectMany(r => r.ExternalReferences), x =>
        {
            Assert.Matches("^[a-z][a-z0-9-]{0,31}$", x.System);
            Assert.InRange(x.Id.Length, 1, 255);
        });
        Assert.All(firm.TimeEntries, t =>
        {
            Assert.InRange(t.Hours, 0.01m, 24m);
            Assert.Equal(decimal.Round(t.Hours, 2), t.Hours);
            Assert.True(engagements.ContainsKey(t.EngagementId));
            Assert.Contains(t.ResourceId, resources);
            Assert.True(t.WorkDate >= engagements[t.EngagementId].StartDate);
            Assert.Equal(t.Status == TimeEntryStatus.Approved, t.ApprovedAt is not null);
        });
        Assert.All(firm.Invoices, i =>
        {
            Assert.Contains(i.ClientId, clients);
            Assert.NotEmpty(i.Lines);
            Assert.All(i.Lines, l =>
            {
                Assert.Equal((l.UnitPrice * l.Quantity).Round(), l.Amount);
                Assert.True(l.Amount.IsRoundedToMinorUnits && l.TaxAmount.IsRoundedToMinorUnits && l.UnitPrice.IsRoundedToMinorUnits);
                Assert.Equal(i.Currency, l.Amount.Currency);
            });
            Assert.Equal(i.Lines.Select(l => l.Amount).Aggregate(Money.Zero(i.Currency), (s, m) => s + m), i.Subtotal);
            Assert.Equal(i.Lines.Select(l => l.TaxAmount).Aggregate(Money.Zero(i.Currency), (s, m) => s + m), i.TaxTotal);
            Assert.Equal(i.Subtotal + i.TaxTotal, i.Total);
            Assert.Equal(i.Total - i.AmountPaid, i.AmountDue);
            Assert.True(i.DueDate >= i.IssueDate);
        });
        Assert.All(firm.Payments, p =>
        {
            Assert.True(p.Amount.IsRoundedToMinorUnits);
            Assert.False(p.Amount.IsNegative || p.Amount.IsZero);
        });
        Assert.All(firm.BillingEvents, b =>
        {
            Assert.True(b.Amount.IsRoundedToMinorUnits);
            Assert.Equal(BillingEventStatus.Invoiced, b.Status);
            Assert.True(b.Amount.IsNegative is false || b.SourceKind == BillingEventSourceKind.Adjustment);
        });
        Assert.All(firm.Events, e => Assert.Equal(firm.TenantId, e.TenantId));
    }

    [Fact]
    public void BillingEvent_ManySeeds_NegativeOnlyForAdjustments()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var faker = new CanonicalFaker(seed);
            var engagement = faker.Engagement(faker.Client());
            var billingEvent = faker.BillingEvent(engagement, faker.ContractLine(engagement));

            Assert.True(!billingEvent.Amount.IsNegative || billingEvent.SourceKind == BillingEventSourceKind.Adjustment);
            Assert.True(billingEvent.Amount.IsRoundedToMinorUnits);
        }
    }

    private static string Json(FirmDataset firm) =>
        string.Join('\n', firm.AllRecords().Select(r => r switch
        {
            Client c => CanonicalJson.Serialize(c),
            Invoice i => CanonicalJson.Serialize(i),
            TimeEntry t => CanonicalJson.Serialize(t),
            Payment p => CanonicalJson.Serialize(p),
            BillingEvent b => CanonicalJson.Serialize(b),
            _ => r.GetType().Name,
        }).Concat(firm.Events.Select(CanonicalJson.Serialize)));
}
