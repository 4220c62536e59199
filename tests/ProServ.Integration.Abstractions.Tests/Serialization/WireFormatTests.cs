using System.Text.Json;
using ProServ.Integration.Events;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Abstractions.Tests.Serialization;

public sealed class WireFormatTests
{
    private const string TimeEntryJson = """
        {"id":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b","tenantId":"acme-consulting","engagementId":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a01","resourceId":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a02","workDate":"2026-03-14","hours":7.50,"billable":true,"status":"approved","approvedAt":"2026-03-16T08:15:00+01:00","externalReferences":[{"system":"psa","id":"TE-1001","version":"\"abc\""}]}
        """;

    [Fact]
    public void Serialize_Money_IsObjectWithStringAmount()
    {
        var json = CanonicalJson.Serialize(Money.Of(1234.50m, CurrencyCode.Usd));

        Assert.Equal("""{"amount":"1234.50","currency":"USD"}""", json);
    }

    [Theory]
    [InlineData("""{"amount":"0","currency":"JPY"}""")]
    [InlineData("""{"amount":"-12.5","currency":"EUR"}""")]
    [InlineData("""{"currency":"BHD","amount":"1.234"}""")]
    [InlineData("""{"amount":"999999999999999999.9999999999","currency":"USD"}""")]
    public void Deserialize_WellFormedMoney_Reads(string json)
    {
        var money = CanonicalJson.Deserialize<Money>(json);

        Assert.False(money.Currency.IsDefault);
    }

    [Fact]
    public void Deserialize_TimeEntry_ReadsEveryFormat_AndWritesTheSameBytes()
    {
        var entry = CanonicalJson.Deserialize<TimeEntry>(TimeEntryJson);

        Assert.Equal(new DateOnly(2026, 3, 14), entry.WorkDate);
        Assert.Equal(7.50m, entry.Hours);
        Assert.Equal(TimeEntryStatus.Approved, entry.Status);
        Assert.Equal(TimeSpan.FromHours(1), entry.ApprovedAt!.Value.Offset);
        Assert.Equal(TimeEntryJson, CanonicalJson.Serialize(entry));
    }

    [Fact]
    public void Serialize_Record_UsesCamelCaseAndOmitsNulls()
    {
        var faker = new CanonicalFaker(seed: 11);
        var engagement = faker.Engagement(faker.Client());
        var entry = faker.TimeEntry(engagement, faker.ResourceAssignment(engagement, faker.Resource()), status: TimeEntryStatus.Draft) with { Description = null };

        using var document = JsonDocument.Parse(CanonicalJson.Serialize(entry));
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("tenantId", names);
        Assert.Contains("workDate", names);
        Assert.Contains("externalReferences", names);
        Assert.DoesNotContain("description", names);
        Assert.DoesNotContain("approvedAt", names);
        Assert.All(names, n => Assert.Matches("^[a-z][A-Za-z]*$", n));
    }

    [Fact]
    public void Deserialize_UnknownEnumValue_IsKeptAndWrittenBackUnchanged()
    {
        var json = TimeEntryJson.Replace("\"approved\"", "\"awaiting-client-signoff\"", StringComparison.Ordinal);

        var entry = CanonicalJson.Deserialize<TimeEntry>(json);

        Assert.False(entry.Status.IsKnown);
        Assert.Equal("awaiting-client-signoff", entry.Status.RawValue);
        Assert.Equal(json, CanonicalJson.Serialize(entry));
    }

    [Fact]
    public void Deserialize_ExternalReferencesMissing_DefaultsToEmpty()
    {
        var json = TimeEntryJson[..TimeEntryJson.IndexOf(",\"externalReferences\"", StringComparison.Ordinal)] + "}";

        var entry = CanonicalJson.Deserialize<TimeEntry>(json);

        Assert.Empty(entry.ExternalReferences);
    }

    [Fact]
    public void Serialize_BusinessEvent_UsesCloudEventsAttributeNames()
    {
        var faker = new CanonicalFaker(seed: 5);

        using var document = JsonDocument.Parse(CanonicalJson.Serialize(faker.BusinessEvent()));
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "id", "source", "type", "specversion", "subject", "time", "datacontenttype", "dataschema", "correlationid", "tenantid", "data" }, names);
        Assert.Equal("1.0", document.RootElement.GetProperty("specversion").GetString());
        Assert.Equal(JsonValueKind.Object, document.RootElement.GetProperty("data").ValueKind);
    }

    [Fact]
    public void Serialize_DefaultValues_ThrowJsonException()
    {
        Assert.Throws<JsonException>(() => CanonicalJson.Serialize(default(Money)));
        Assert.Throws<JsonException>(() => CanonicalJson.Serialize(default(CurrencyCode)));
        var faker = new CanonicalFaker(seed: 1);
        Assert.Throws<JsonException>(() => CanonicalJson.Serialize(faker.Resource() with { Status = default }));
        Assert.Throws<JsonException>(() => CanonicalJson.Serialize(faker.Resource() with { Id = default }));
    }

    [Fact]
    public void GetTypeInfo_NonCanonicalType_ThrowsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => CanonicalJson.GetTypeInfo<System.Text.StringBuilder>());
    }

    [Fact]
    public void SchemaIds_RecordTypes_AreKebabCaseFileNames()
    {
        Assert.Equal("time-entry", CanonicalSchemaIds.GetSchemaName(typeof(TimeEntry)));
        Assert.Equal("resource-assignment", CanonicalSchemaIds.GetSchemaName(typeof(ResourceAssignment)));
        Assert.Equal(new Uri("https://schemas.proserv.dev/integration/business-event.v1.schema.json"), CanonicalSchemaIds.For(typeof(BusinessEvent)));
        Assert.Equal(13, CanonicalSchemaIds.RecordTypes.Count);
    }
}
