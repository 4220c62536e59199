using ProServ.Integration.Events;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Abstractions.Tests.Events;

public sealed class BusinessEventFactoryTests
{
    private static readonly Uri Source = new("urn:proserv:connector:salesforce");

    [Fact]
    public void OpportunityClosedWon_NoCause_StartsChainWithOwnId()
    {
        var faker = new CanonicalFaker(seed: 1);
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero));
        var factory = new BusinessEventFactory(Source, time);
        var opportunity = faker.Opportunity(faker.Client(), OpportunityStage.ClosedWon);

        var e = factory.OpportunityClosedWon(opportunity);

        Assert.Equal(BusinessEventTypes.OpportunityClosedWon, e.Type);
        Assert.Equal("1.0", e.SpecVersion);
        Assert.Equal("application/json", e.DataContentType);
        Assert.Equal(Source, e.Source);
        Assert.Equal(time.GetUtcNow(), e.Time);
        Assert.Equal(7, e.Id.Value.Version);
        Assert.Equal(e.Id.ToString(), e.CorrelationId);
        Assert.Null(e.CausationId);
        Assert.Equal(opportunity.TenantId, e.TenantId);
        Assert.Equal(opportunity.Id.ToString(), e.Subject);
        Assert.Equal(new Uri("https://schemas.proserv.dev/integration/opportunity.v1.schema.json"), e.DataSchema);
        Assert.Equal(CanonicalJson.Serialize(opportunity), CanonicalJson.Serialize(e.GetData<Opportunity>()));
    }

    [Fact]
    public void Create_WithCause_CarriesCorrelationAndSetsCausation()
    {
        var faker = new CanonicalFaker(seed: 2);
        var time = new ManualTimeProvider();
        var factory = new BusinessEventFactory(Source, time);
        var client = faker.Client();
        var first = factory.OpportunityClosedWon(faker.Opportunity(client, OpportunityStage.ClosedWon));
        time.Advance(TimeSpan.FromSeconds(1));
        var second = factory.EngagementActivated(faker.Engagement(client), first);
        time.Advance(TimeSpan.FromSeconds(1));
        var third = factory.InvoicePosted(faker.Invoice(client), second);

        Assert.Equal(first.CorrelationId, second.CorrelationId);
        Assert.Equal(first.CorrelationId, third.CorrelationId);
        Assert.Equal(first.Id.ToString(), second.CausationId);
        Assert.Equal(second.Id.ToString(), third.CausationId);
        Assert.True(string.CompareOrdinal(first.Id.ToString(), third.Id.ToString()) < 0);
    }

    [Fact]
    public void TimeEntryApproved_EntryNotApproved_ThrowsArgumentException()
    {
        var faker = new CanonicalFaker(seed: 3);
        var engagement = faker.Engagement(faker.Client());
        var entry = faker.TimeEntry(engagement, faker.ResourceAssignment(engagement, faker.Resource()), status: TimeEntryStatus.Submitted);
        var factory = new BusinessEventFactory(Source, new ManualTimeProvider());

        Assert.Throws<ArgumentException>(() => factory.TimeEntryApproved(entry));
    }

    [Fact]
    public void AllFactoryMethods_ProduceTheirEventType()
    {
        var faker = new CanonicalFaker(seed: 4);
        var firm = faker.Firm(clients: 1);

        var types = firm.Events.Select(e => e.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(BusinessEventTypes.All.Order(StringComparer.Ordinal), types, StringComparer.Ordinal);
    }

    [Fact]
    public void GetData_WrongType_ThrowsJsonException()
    {
        var e = new CanonicalFaker(seed: 5).BusinessEvent();

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => e.GetData<Payment>());
    }
}
