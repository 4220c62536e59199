using FsCheck;
using FsCheck.Fluent;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Abstractions.Tests.Serialization;

public sealed class CanonicalJsonRoundTripTests
{
    public static TheoryData<string> RecordKinds => new(
        "client", "opportunity", "engagement", "contract-line", "resource", "resource-assignment", "milestone",
        "time-entry", "expense", "billing-event", "invoice", "payment", "business-event");

    [Theory]
    [MemberData(nameof(RecordKinds))]
    public void SerializeDeserializeSerialize_GeneratedRecords_GivesIdenticalBytes(string kind)
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(60),
            Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
            {
                var faker = new CanonicalFaker(seed);
                return kind switch
                {
                    "client" => RoundTrips(faker.Client()),
                    "opportunity" => RoundTrips(faker.Opportunity(faker.Client())),
                    "engagement" => RoundTrips(faker.Engagement(faker.Client())),
                    "contract-line" => RoundTrips(faker.ContractLine(faker.Engagement(faker.Client()), (BillingMethod)((seed % 5) + 1))),
                    "resource" => RoundTrips(faker.Resource()),
                    "resource-assignment" => RoundTrips(faker.ResourceAssignment(faker.Engagement(faker.Client()), faker.Resource())),
                    "milestone" => RoundTrips(faker.Milestone(faker.Engagement(faker.Client()))),
                    "time-entry" => RoundTrips(TimeEntry(faker)),
                    "expense" => RoundTrips(faker.Expense(faker.Engagement(faker.Client()), faker.Resource())),
                    "billing-event" => RoundTrips(BillingEvent(faker)),
                    "invoice" => RoundTrips(faker.Invoice(faker.Client())),
                    "payment" => RoundTrips(faker.Payment(faker.Invoice(faker.Client()))),
                    _ => RoundTrips(faker.BusinessEvent()),
                };
            }));
    }

    [Fact]
    public void RoundTrip_WholeFirm_EveryRecordAndEventIsLossless()
    {
        var firm = new CanonicalFaker(seed: 7).Firm(clients: 4);

        Assert.All(firm.Clients, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.Resources, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.Opportunities, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.Engagements, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.ContractLines, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.Assignments, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.Milestones, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.TimeEntries, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.Expenses, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.BillingEvents, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.Invoices, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.Payments, r => Assert.True(RoundTrips(r)));
        Assert.All(firm.Events, r => Assert.True(RoundTrips(r)));
    }

    [Fact]
    public void Deserialize_RecordWithoutLists_EqualsOriginal()
    {
        var faker = new CanonicalFaker(seed: 3);
        var assignment = faker.ResourceAssignment(faker.Engagement(faker.Client()), faker.Resource());

        var back = CanonicalJson.Deserialize<ResourceAssignment>(CanonicalJson.SerializeToUtf8Bytes(assignment));

        Assert.Equal(assignment with { ExternalReferences = [] }, back with { ExternalReferences = [] });
    }

    private static TimeEntry TimeEntry(CanonicalFaker faker)
    {
        var engagement = faker.Engagement(faker.Client());
        return faker.TimeEntry(engagement, faker.ResourceAssignment(engagement, faker.Resource()));
    }

    private static BillingEvent BillingEvent(CanonicalFaker faker)
    {
        var engagement = faker.Engagement(faker.Client());
        return faker.BillingEvent(engagement, faker.ContractLine(engagement));
    }

    private static bool RoundTrips<T>(T value)
    {
        var first = CanonicalJson.SerializeToUtf8Bytes(value);
        var back = CanonicalJson.Deserialize<T>(first);
        var second = CanonicalJson.SerializeToUtf8Bytes(back);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(first), System.Text.Encoding.UTF8.GetString(second));
        return true;
    }
}
