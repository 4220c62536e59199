using System.Globalization;
using System.Text.Json.Nodes;
using Bogus;

namespace ProServ.Integration.Tests.Mapping;

/// <summary>Generates realistic Kantata OX (Mavenlink) API payloads (time entries, expenses) with their side-loaded submissions, seeded.</summary>
internal sealed class KantataPayloads
{
    private static readonly string[] SubmissionStatuses = ["pending", "approved", "rejected", "canceled"];
    private static readonly string[] Categories = ["Travel", "Airfare", "Hotel", "Meals", "Mileage", "Software", "Hardware", "Contractor", "Printing"];
    private static readonly string[] Currencies = ["USD", "EUR", "GBP", "JPY", "CHF"];

    private readonly Faker _faker;

    public KantataPayloads(int seed) => _faker = new Faker("en") { Random = new Randomizer(seed) };

    public string Id() => _faker.Random.Long(1_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    public JsonObject TimeEntry(string workspaceId, string userId)
    {
        var entry = new JsonObject
        {
            ["id"] = Id(),
            ["workspace_id"] = workspaceId,
            ["user_id"] = userId,
            ["story_id"] = _faker.Random.Bool(0.7f) ? Id() : null,
            ["date_performed"] = Day(),
            ["time_in_minutes"] = _faker.Random.Int(1, 24 * 60),
            ["billable"] = _faker.Random.Bool(0.8f),
            ["notes"] = _faker.Random.Bool(0.8f) ? _faker.Hacker.Phrase() : string.Empty,
            ["rate_in_cents"] = _faker.Random.Int(9_000, 30_000),
            ["currency"] = _faker.PickRandom(Currencies),
            ["approved"] = false,
            ["created_at"] = Instant(),
        };
        if (_faker.Random.Bool(0.75f))
        {
            entry["timesheet_submission"] = Submission();
            entry["approved"] = entry["timesheet_submission"]!["status"]!.GetValue<string>() == "approved";
        }

        return entry;
    }

    public JsonObject Expense(string workspaceId, string userId)
    {
        var currency = _faker.PickRandom(Currencies);
        var expense = new JsonObject
        {
            ["id"] = Id(),
            ["workspace_id"] = workspaceId,
            ["user_id"] = userId,
            ["date"] = Day(),
            ["category"] = _faker.PickRandom(Categories),
            ["expense_category_id"] = Id(),
            ["amount_in_cents"] = _faker.Random.Int(1, 500_000),
            ["currency"] = currency,
            ["billable"] = _faker.Random.Bool(0.6f),
            ["notes"] = _faker.Random.Bool(0.8f) ? _faker.Lorem.Sentence() : null,
            ["vendor"] = _faker.Random.Bool(0.5f) ? _faker.Company.CompanyName() : null,
            ["is_invoiced"] = false,
            ["created_at"] = Instant(),
        };
        if (_faker.Random.Bool(0.75f))
        {
            expense["expense_report_submission"] = Submission();
        }

        return expense;
    }

    private JsonObject Submission()
    {
        var status = _faker.PickRandom(SubmissionStatuses);
        var submission = new JsonObject { ["id"] = Id(), ["status"] = status, ["created_at"] = Instant() };
        if (status is "approved" or "rejected")
        {
            submission["resolution"] = new JsonObject { ["id"] = Id(), ["type"] = status == "approved" ? "approval" : "rejection", ["user_id"] = Id(), ["created_at"] = Instant() };
        }

        return submission;
    }

    private string Day() => new DateOnly(2026, 1, 1).AddDays(_faker.Random.Int(0, 180)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Instant() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(_faker.Random.Int(0, 260_000)).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
