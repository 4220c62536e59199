using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Tests.Rules;

/// <summary>A realistic engagement from Bogus: a client, an active engagement with fixed dates, a time-and-materials line,
/// a milestone line, one assigned consultant and an approved billable time entry that passes every time-entry rule.</summary>
internal sealed class RuleScenario
{
    public RuleScenario(int seed = 7, CurrencyCode? currency = null)
    {
        Faker = new CanonicalFaker(seed);
        Client = Faker.Client(currency ?? CurrencyCode.Parse("USD"));
        var pm = Faker.Resource();
        Consultant = Faker.Resource();
        var start = Faker.Today.AddDays(-60);
        Engagement = Faker.Engagement(Client, projectManager: pm) with { StartDate = start, EndDate = start.AddDays(180) };
        TimeAndMaterials = Faker.ContractLine(Engagement, BillingMethod.TimeAndMaterials);
        FixedFee = Faker.ContractLine(Engagement, BillingMethod.FixedFee);
        Assignment = Faker.ResourceAssignment(Engagement, Consultant, TimeAndMaterials);
        Entry = Faker.TimeEntry(Engagement, Assignment, TimeAndMaterials, TimeEntryStatus.Approved) with
        {
            Billable = true,
            Hours = 7.5m,
            WorkDate = Faker.Today.AddDays(-3),
        };
    }

    public CanonicalFaker Faker { get; }

    public Client Client { get; }

    public Resource Consultant { get; }

    public Engagement Engagement { get; }

    public ContractLine TimeAndMaterials { get; }

    public ContractLine FixedFee { get; }

    public ResourceAssignment Assignment { get; }

    public TimeEntry Entry { get; }

    /// <summary>Reference data holding the engagement, both lines, the assignment and any other records given.</summary>
    public InMemoryRuleReferenceData Data(params ICanonicalRecord[] more) =>
        new([Engagement, TimeAndMaterials, FixedFee, Assignment, .. more]);

    /// <summary>Another time entry of the same person on the same day.</summary>
    public TimeEntry SameDay(decimal hours, TimeEntryStatus status = TimeEntryStatus.Approved) =>
        Faker.TimeEntry(Engagement, Assignment, TimeAndMaterials, status) with { Hours = hours, WorkDate = Entry.WorkDate };
}
