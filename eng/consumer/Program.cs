// A throwaway consumer of the packed packages (see eng/consume-packages.sh): it must build and run against the
// .nupkg files alone. It touches each package's main entry points: the model, money, JSON and the schema catalog.
using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Serialization;

var clock = TimeProvider.System;
var entry = new TimeEntry
{
    Id = TimeEntryId.New(clock),
    TenantId = "consumer-check",
    EngagementId = EngagementId.New(clock),
    ResourceId = ResourceId.New(clock),
    WorkDate = new DateOnly(2026, 3, 14),
    Hours = 7.5m,
    Billable = true,
    Status = TimeEntryStatus.Approved,
    SubmittedAt = clock.GetUtcNow().AddDays(-1),
    ApprovedAt = clock.GetUtcNow(),
    ApprovedBy = ResourceId.New(clock),
};

var json = CanonicalJson.SerializeToUtf8Bytes(entry);
var result = SchemaCatalog.Default.GetFor(typeof(TimeEntry)).Schema.Validate(json);
if (!result.IsValid)
{
    Console.Error.WriteLine("consumer: a time entry built in code does not validate: " + result.Errors[0].Message);
    return 1;
}

var roundTripped = CanonicalJson.Deserialize<TimeEntry>(json);
var parts = Money.Of(100m, CurrencyCode.Usd).Split(3);
if (roundTripped.Hours != entry.Hours || parts.Sum(p => p.Amount) != 100m)
{
    Console.Error.WriteLine("consumer: round trip or money split is wrong");
    return 1;
}

Console.WriteLine($"consumer: {SchemaCatalog.Default.Schemas.Count} schemas; a time entry validates; 100 USD splits into {string.Join(" + ", parts.Select(p => p.Amount))}");
return 0;
