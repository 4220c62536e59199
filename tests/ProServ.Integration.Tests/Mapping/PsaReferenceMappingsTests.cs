using System.Text;
using System.Text.Json;
using ProServ.Integration.Finance;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Serialization;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

public sealed class PsaReferenceMappingsTests
{
    private const string ApprovedEntry = """
        {
          "id": "418827331",
          "workspace_id": "20511834",
          "user_id": "7720133",
          "story_id": "901233456",
          "date_performed": "2026-03-09",
          "time_in_minutes": 470,
          "billable": true,
          "notes": "Ingestion pipeline for yard scanner events",
          "rate_in_cents": 16500,
          "currency": "EUR",
          "approved": true,
          "timesheet_submission": {
            "id": "55120331",
            "status": "approved",
            "created_at": "2026-03-13T16:05:00Z",
            "resolution": { "id": "88120", "type": "approval", "user_id": "7720001", "created_at": "2026-03-16T08:12:00Z" }
          }
        }
        """;

    private const string Expense = """
        {
          "id": "30112877",
          "workspace_id": "20511834",
          "user_id": "7720133",
          "date": "2026-03-10",
          "category": "Train",
          "expense_category_id": "4410",
          "amount_in_cents": 8990,
          "currency": "EUR",
          "billable": true,
          "notes": "Berlin - Hamburg return, client workshop",
          "vendor": "Deutsche Bahn",
          "is_invoiced": false
        }
        """;

    private static readonly CompiledMapping TimeEntryMapping = MappingLoader.Default.LoadReference(ReferenceMappings.KantataTimeEntry);
    private static readonly CompiledMapping ExpenseMapping = MappingLoader.Default.LoadReference(ReferenceMappings.KantataExpense);

    [Fact]
    public void KantataTimeEntry_ApprovedEntry_MapsMinutesToHoursAndApproval()
    {
        var result = TimeEntryMapping.Map<TimeEntry>(Parse(ApprovedEntry), Context());

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var entry = result.Value!;
        Assert.Equal(7.83m, entry.Hours);
        Assert.Equal(new DateOnly(2026, 3, 9), entry.WorkDate);
        Assert.True(entry.Billable);
        Assert.Equal(TimeEntryStatus.Approved, entry.Status.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 8, 12, 0, TimeSpan.Zero), entry.ApprovedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 13, 16, 5, 0, TimeSpan.Zero), entry.SubmittedAt);
        Assert.Equal(new ExternalReference("kantata", "418827331"), Assert.Single(entry.ExternalReferences));
        AssertValid(entry);
    }

    [Theory]
    [InlineData(60, "1")]
    [InlineData(90, "1.5")]
    [InlineData(50, "0.83")]
    [InlineData(1, "0.02")]
    [InlineData(3, "0.05")]
    [InlineData(1440, "24")]
    public void KantataTimeEntry_Minutes_RoundHalfEvenToHundredthsOfAnHour(int minutes, string hours)
    {
        var result = TimeEntryMapping.Map<TimeEntry>(Parse(ApprovedEntry.Replace("470", minutes.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)), Context());

        Assert.Equal(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), result.Value!.Hours);
    }

    [Fact]
    public void KantataTimeEntry_NoSubmissionAndEmptyNotes_IsDraftWithoutDescription()
    {
        var json = """{ "id": "1", "workspace_id": "2", "user_id": "3", "date_performed": "2026-03-09", "time_in_minutes": 30, "billable": false, "notes": "" }""";

        var entry = TimeEntryMapping.Map<TimeEntry>(Parse(json), Context()).Value!;

        Assert.Equal(TimeEntryStatus.Draft, entry.Status.Value);
        Assert.Null(entry.Description);
        Assert.Null(entry.ApprovedAt);
        Assert.Equal(0.5m, entry.Hours);
        AssertValid(entry);
    }

    [Fact]
    public void KantataTimeEntry_MinutesAsText_ReportsConversionAtSourcePointer()
    {
        var result = TimeEntryMapping.Map<TimeEntry>(Parse(ApprovedEntry.Replace("\"time_in_minutes\": 470", "\"time_in_minutes\": \"eight hours\"", StringComparison.Ordinal)), Context());

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.ConversionFailed, error.Code);
        Assert.Equal("/time_in_minutes", error.Path);
    }

    [Fact]
    public void KantataExpense_Cents_BecomeMoneyInTheCurrencyMinorUnits()
    {
        var result = ExpenseMapping.Map<Model.Expense>(Parse(Expense), Context());

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var expense = result.Value!;
        Assert.Equal(Money.Of(89.90m, CurrencyCode.Eur), expense.Amount);
        Assert.Equal(ExpenseCategory.Travel, expense.Category.Value);
        Assert.Equal("Deutsche Bahn: Berlin - Hamburg return, client workshop", expense.Description);
        Assert.Equal(ExpenseStatus.Draft, expense.Status.Value);
        AssertValid(expense);
    }

    [Fact]
    public void KantataExpense_YenAndUnknownCategory_UseZeroMinorUnitsAndOther()
    {
        var json = Expense.Replace("\"EUR\"", "\"JPY\"", StringComparison.Ordinal).Replace("\"Train\"", "\"Printing\"", StringComparison.Ordinal);

        var expense = ExpenseMapping.Map<Model.Expense>(Parse(json), Context()).Value!;

        Assert.Equal(Money.Of(8990m, CurrencyCode.Jpy), expense.Amount);
        Assert.Equal(ExpenseCategory.Other, expense.Category.Value);
    }

    [Fact]
    public void KantataExpense_FractionalCents_ReportsConversionFailed()
    {
        var result = ExpenseMapping.Map<Model.Expense>(Parse(Expense.Replace("8990", "8990.5", StringComparison.Ordinal)), Context());

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.ConversionFailed, error.Code);
        Assert.Equal("/amount_in_cents", error.Path);
    }

    [Fact]
    public async Task KantataMappings_BogusPayloads_ProduceSchemaValidRecords()
    {
        var payloads = new KantataPayloads(seed: 20260322);
        var workspaces = Enumerable.Range(0, 10).Select(_ => payloads.Id()).ToArray();
        var users = Enumerable.Range(0, 20).Select(_ => payloads.Id()).ToArray();
        var entries = Enumerable.Range(0, 200).Select(i => payloads.TimeEntry(workspaces[i % workspaces.Length], users[i % users.Length])).ToArray();
        var expenses = Enumerable.Range(0, 200).Select(i => payloads.Expense(workspaces[i % workspaces.Length], users[i % users.Length])).ToArray();

        var mappedEntries = await TimeEntryMapping.MapManyAsync<TimeEntry>(entries.Select(e => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(e.ToJsonString())).ToArray(), Context());
        var mappedExpenses = await ExpenseMapping.MapManyAsync<Model.Expense>(expenses.Select(e => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(e.ToJsonString())).ToArray(), Context());

        Assert.All(mappedEntries, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        Assert.All(mappedExpenses, r => Assert.True(r.IsSuccess, string.Join("; ", r.Errors)));
        Assert.All(mappedEntries, r => AssertValid(r.Value!));
        Assert.All(mappedExpenses, r => AssertValid(r.Value!));
        for (var i = 0; i < entries.Length; i++)
        {
            var minutes = entries[i]["time_in_minutes"]!.GetValue<int>();
            Assert.Equal(decimal.Round(minutes / 60m, 2, MidpointRounding.ToEven), mappedEntries[i].Value!.Hours);
            Assert.True(Math.Abs((mappedEntries[i].Value!.Hours * 60) - minutes) <= 0.3m, "hours stay within 18 seconds of the minutes");
        }

        for (var i = 0; i < expenses.Length; i++)
        {
            var amount = mappedExpenses[i].Value!.Amount;
            var cents = expenses[i]["amount_in_cents"]!.GetValue<int>();
            Assert.Equal(cents, amount.Amount * (amount.Currency.MinorUnits == 0 ? 1 : 100));
        }

        var engagementIds = mappedEntries.Select(r => r.Value!.EngagementId).Concat(mappedExpenses.Select(r => r.Value!.EngagementId)).Distinct().Count();
        Assert.Equal(workspaces.Length, engagementIds);
    }

    internal static void AssertValid<T>(T record)
        where T : class
    {
        var schema = SchemaCatalog.Default.GetFor(typeof(T)).Schema;
        var result = schema.Validate(CanonicalJson.SerializeToUtf8Bytes(record));
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.InstanceLocation}: {e.Message}")) + " in " + CanonicalJson.Serialize(record));
    }
}
