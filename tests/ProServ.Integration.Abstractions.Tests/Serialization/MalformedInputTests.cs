using System.Text.Json;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Abstractions.Tests.Serialization;

public sealed class MalformedInputTests
{
    private const string Valid = """
        {"id":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b","tenantId":"acme","invoiceId":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a01","clientId":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a02","amount":{"amount":"100.00","currency":"USD"},"receivedAt":"2026-03-14T10:00:00Z","method":"card","status":"cleared"}
        """;

    public static TheoryData<string, string> Malformed => new()
    {
        { "amount as number", Valid.Replace("\"amount\":\"100.00\"", "\"amount\":100.00", StringComparison.Ordinal) },
        { "amount exponent", Valid.Replace("\"100.00\"", "\"1e2\"", StringComparison.Ordinal) },
        { "amount leading zero", Valid.Replace("\"100.00\"", "\"0100.00\"", StringComparison.Ordinal) },
        { "amount leading plus", Valid.Replace("\"100.00\"", "\"+100.00\"", StringComparison.Ordinal) },
        { "amount trailing dot", Valid.Replace("\"100.00\"", "\"100.\"", StringComparison.Ordinal) },
        { "amount comma", Valid.Replace("\"100.00\"", "\"100,00\"", StringComparison.Ordinal) },
        { "amount 11 decimals", Valid.Replace("\"100.00\"", "\"1.00000000001\"", StringComparison.Ordinal) },
        { "amount 19 digits", Valid.Replace("\"100.00\"", "\"1000000000000000000\"", StringComparison.Ordinal) },
        { "amount empty", Valid.Replace("\"100.00\"", "\"\"", StringComparison.Ordinal) },
        { "amount whitespace", Valid.Replace("\"100.00\"", "\" 100.00\"", StringComparison.Ordinal) },
        { "money missing currency", Valid.Replace(",\"currency\":\"USD\"", string.Empty, StringComparison.Ordinal) },
        { "money extra property", Valid.Replace("\"currency\":\"USD\"", "\"currency\":\"USD\",\"rate\":\"1\"", StringComparison.Ordinal) },
        { "money duplicate amount", Valid.Replace("\"currency\":\"USD\"", "\"currency\":\"USD\",\"amount\":\"1\"", StringComparison.Ordinal) },
        { "money as string", Valid.Replace("{\"amount\":\"100.00\",\"currency\":\"USD\"}", "\"100.00 USD\"", StringComparison.Ordinal) },
        { "currency lowercase", Valid.Replace("\"USD\"", "\"usd\"", StringComparison.Ordinal) },
        { "currency unknown", Valid.Replace("\"USD\"", "\"XYZ\"", StringComparison.Ordinal) },
        { "currency number", Valid.Replace("\"USD\"", "840", StringComparison.Ordinal) },
        { "guid uppercase", Valid.Replace("0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b", "0190F3C2-5B6E-7C1D-8A2B-3C4D5E6F7A8B", StringComparison.Ordinal) },
        { "guid no hyphens", Valid.Replace("0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b", "0190f3c25b6e7c1d8a2b3c4d5e6f7a8b", StringComparison.Ordinal) },
        { "guid nil", Valid.Replace("0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b", "00000000-0000-0000-0000-000000000000", StringComparison.Ordinal) },
        { "guid garbage", Valid.Replace("0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b", "zz90f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b", StringComparison.Ordinal) },
        { "guid number", Valid.Replace("\"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b\"", "42", StringComparison.Ordinal) },
        { "instant without offset", Valid.Replace("2026-03-14T10:00:00Z", "2026-03-14T10:00:00", StringComparison.Ordinal) },
        { "instant date only", Valid.Replace("2026-03-14T10:00:00Z", "2026-03-14", StringComparison.Ordinal) },
        { "instant space separator", Valid.Replace("2026-03-14T10:00:00Z", "2026-03-14 10:00:00Z", StringComparison.Ordinal) },
        { "instant invalid month", Valid.Replace("2026-03-14T10:00:00Z", "2026-13-14T10:00:00Z", StringComparison.Ordinal) },
        { "enum number", Valid.Replace("\"card\"", "2", StringComparison.Ordinal) },
        { "enum empty", Valid.Replace("\"card\"", "\"\"", StringComparison.Ordinal) },
        { "enum null", Valid.Replace("\"card\"", "null", StringComparison.Ordinal) },
        { "required missing", Valid.Replace(",\"method\":\"card\"", string.Empty, StringComparison.Ordinal) },
        { "required null", Valid.Replace("\"tenantId\":\"acme\"", "\"tenantId\":null", StringComparison.Ordinal) },
        { "unknown property", Valid.Replace("\"method\":\"card\"", "\"method\":\"card\",\"methd\":\"card\"", StringComparison.Ordinal) },
        { "duplicate property", Valid.Replace("\"method\":\"card\"", "\"method\":\"card\",\"method\":\"check\"", StringComparison.Ordinal) },
        { "truncated", Valid[..40] },
        { "not an object", "[1,2,3]" },
        { "json null", "null" },
        { "empty", string.Empty },
        { "trailing comma", Valid.Replace("\"cleared\"}", "\"cleared\",}", StringComparison.Ordinal) },
        { "null list element", Valid.Replace("\"status\":\"cleared\"", "\"status\":\"cleared\",\"externalReferences\":[null]", StringComparison.Ordinal) },
        { "list is null", Valid.Replace("\"status\":\"cleared\"", "\"status\":\"cleared\",\"externalReferences\":null", StringComparison.Ordinal) },
        { "external reference missing id", Valid.Replace("\"status\":\"cleared\"", "\"status\":\"cleared\",\"externalReferences\":[{\"system\":\"psa\"}]", StringComparison.Ordinal) },
        { "comment", Valid.Replace("{\"id\"", "{/* c */\"id\"", StringComparison.Ordinal) },
    };

    [Fact]
    public void Deserialize_ValidPayment_Reads()
    {
        var payment = CanonicalJson.Deserialize<Payment>(Valid);

        Assert.Equal(Money.Of(100m, CurrencyCode.Usd), payment.Amount);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Deserialize_MalformedPayment_ThrowsJsonException(string scenario, string json)
    {
        var error = Record.Exception(() => CanonicalJson.Deserialize<Payment>(json));

        Assert.True(error is JsonException, $"{scenario}: expected JsonException, got {error?.GetType().Name ?? "no exception"}");
    }

    [Theory]
    [InlineData("2026-3-14")]
    [InlineData("2026-02-30")]
    [InlineData("14.03.2026")]
    [InlineData("2026-03-14T00:00:00Z")]
    public void Deserialize_BadDate_ThrowsJsonException(string date)
    {
        var json = """{"id":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b","tenantId":"acme","engagementId":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a01","name":"M1","dueDate":"DATE","amount":{"amount":"1.00","currency":"USD"},"status":"planned"}"""
            .Replace("DATE", date, StringComparison.Ordinal);

        Assert.IsType<JsonException>(Record.Exception(() => CanonicalJson.Deserialize<Milestone>(json)), exactMatch: false);
    }

    [Theory]
    [InlineData("\"7.5\"")]
    [InlineData("7.5e0x")]
    public void Deserialize_HoursAsStringOrGarbage_ThrowsJsonException(string hours)
    {
        var json = """{"id":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b","tenantId":"acme","engagementId":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a01","resourceId":"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a02","workDate":"2026-03-14","hours":HOURS,"billable":true,"status":"draft"}"""
            .Replace("HOURS", hours, StringComparison.Ordinal);

        Assert.IsType<JsonException>(Record.Exception(() => CanonicalJson.Deserialize<TimeEntry>(json)), exactMatch: false);
    }
}
