using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bogus;
using ProServ.Integration.Finance;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

public sealed class NetSuiteReferenceMappingsTests
{
    private static readonly CompiledMapping Outbound = MappingLoader.Default.LoadReference(ReferenceMappings.NetSuiteInvoiceOutbound);
    private static readonly CompiledMapping Inbound = MappingLoader.Default.LoadReference(ReferenceMappings.NetSuiteInvoice);

    [Fact]
    public void Outbound_SampleInvoice_WritesNetSuiteRecordReferencedByExternalIds()
    {
        var invoice = SampleInvoice();

        var result = Outbound.Map<JsonObject>(CanonicalJson.SerializeToElement(invoice), Context());

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var record = result.Value!;
        Assert.Equal(MappingDirection.Outbound, Outbound.Direction);
        Assert.Equal(invoice.Id.ToString(), record["externalId"]!.GetValue<string>());
        Assert.Equal(invoice.ClientId.ToString(), record["entity"]!["externalId"]!.GetValue<string>());
        Assert.Equal("2026-03-31", record["tranDate"]!.GetValue<string>());
        Assert.Equal("2026-04-30", record["dueDate"]!.GetValue<string>());
        Assert.Equal("EUR", record["currency"]!["externalId"]!.GetValue<string>());
        Assert.Equal("PO-HL-77120", record["otherRefNum"]!.GetValue<string>());
        Assert.Null(record["tenantId"]);
        var items = record["item"]!["items"]!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.Equal(7.50m, items[1]!["quantity"]!.GetValue<decimal>());
        Assert.Equal(165.00m, items[1]!["rate"]!.GetValue<decimal>());
        Assert.Equal(1237.50m, items[1]!["amount"]!.GetValue<decimal>());
        Assert.Equal(235.12m, items[1]!["tax1Amt"]!.GetValue<decimal>());
        Assert.Equal("VAT-STD", items[1]!["taxCode"]!["externalId"]!.GetValue<string>());
        Assert.Equal("proserv-professional-services", items[1]!["item"]!["externalId"]!.GetValue<string>());
        Assert.Equal(invoice.Id.ToString(), result.Lineage.SourceId);
    }

    [Theory]
    [InlineData("Pending Approval", InvoiceStatus.Draft)]
    [InlineData("Open", InvoiceStatus.Posted)]
    [InlineData("Paid In Full", InvoiceStatus.Paid)]
    [InlineData("Voided", InvoiceStatus.Void)]
    [InlineData("Rejected", InvoiceStatus.Void)]
    public async Task Inbound_NetSuiteStatus_MapsToInvoiceStatus(string netSuiteStatus, InvoiceStatus expected)
    {
        var invoice = SampleInvoice();
        var (record, resolver) = AsNetSuiteResponse(invoice, netSuiteStatus);

        var result = await Inbound.MapAsync<Invoice>(Bytes(record), Context(resolver));

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal(expected, result.Value!.Status.Value);
    }

    [Fact]
    public async Task Inbound_UnknownStatus_ReportsUnmappedValueAtStatusRefName()
    {
        var (record, resolver) = AsNetSuiteResponse(SampleInvoice(), "Partially Applied");

        var result = await Inbound.MapAsync<Invoice>(Bytes(record), Context(resolver));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.UnmappedValue, error.Code);
        Assert.Equal("/status/refName", error.Path);
    }

    [Fact]
    public async Task Inbound_CustomerWithoutCrossReference_ReportsLookupMissing()
    {
        var (record, _) = AsNetSuiteResponse(SampleInvoice(), "Open");

        var result = await Inbound.MapAsync<Invoice>(Bytes(record), Context(new InMemoryCrossReferenceResolver()));

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.LookupMissing, error.Code);
        Assert.Equal("/entity/id", error.Path);
    }

    [Fact]
    public async Task RoundTrip_SampleInvoice_ComesBackEqual()
    {
        var invoice = SampleInvoice();
        var (record, resolver) = AsNetSuiteResponse(invoice, "Open");

        var back = await Inbound.MapAsync<Invoice>(Bytes(record), Context(resolver));

        Assert.True(back.IsSuccess, string.Join("; ", back.Errors));
        AssertSameInvoice(invoice, back.Value!);
    }

    [Fact]
    public async Task RoundTrip_BogusInvoices_ComeBackEqualAndSchemaValid()
    {
        var faker = new Faker("en") { Random = new Randomizer(20260331) };
        for (var i = 0; i < 100; i++)
        {
            var invoice = RandomInvoice(faker);
            var (record, resolver) = AsNetSuiteResponse(invoice, "Open");

            var back = await Inbound.MapAsync<Invoice>(Bytes(record), Context(resolver));

            Assert.True(back.IsSuccess, string.Join("; ", back.Errors) + " in " + record.ToJsonString());
            AssertSameInvoice(invoice, back.Value!);
            PsaReferenceMappingsTests.AssertValid(back.Value!);
        }
    }

    [Fact]
    public void Outbound_MalformedCanonicalRecord_ReportsConversionFailedAtLinePointer()
    {
        var json = CanonicalJson.SerializeToElement(SampleInvoice()).ToString().Replace("\"quantity\":7.50", "\"quantity\":\"seven\"", StringComparison.Ordinal);

        var result = Outbound.Map<JsonObject>(Parse(json), Context());

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.ConversionFailed, error.Code);
        Assert.Equal("/lines/1/quantity", error.Path);
    }

    [Fact]
    public void Outbound_AskedForCanonicalType_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Outbound.Map<Invoice>(CanonicalJson.SerializeToElement(SampleInvoice()), Context()));
    }

    private static Invoice SampleInvoice() =>
        CanonicalJson.Deserialize<Invoice>(File.ReadAllBytes(Path.Combine(RepositoryLayout.Root, "samples", "payloads", "invoice.v1", "bp-de-2026-000318.json")));

    /// <summary>Maps the invoice outbound, then adds what NetSuite returns on GET: internal ids, the number, status, line numbers, totals, the currency name.</summary>
    private static (JsonObject Record, InMemoryCrossReferenceResolver Resolver) AsNetSuiteResponse(Invoice invoice, string status)
    {
        var result = Outbound.Map<JsonObject>(CanonicalJson.SerializeToElement(invoice), Context());
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var record = result.Value!;
        const string customerId = "4412";
        record["id"] = "1215";
        record["tranId"] = invoice.Number ?? "INV-1215";
        record["status"] = new JsonObject { ["id"] = status, ["refName"] = status };
        record["createdDate"] = (invoice.PostedAt ?? new DateTimeOffset(2026, 3, 31, 13, 2, 11, TimeSpan.Zero)).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        record["entity"] = new JsonObject { ["id"] = customerId, ["refName"] = "Halvorsen Logistik" };
        record["currency"] = new JsonObject { ["id"] = "4", ["refName"] = invoice.Currency.ToString() };
        var items = record["item"]!["items"]!.AsArray();
        for (var i = 0; i < items.Count; i++)
        {
            items[i]!["line"] = i + 1;
            items[i]!["taxCode"] = items[i]!["taxCode"] is { } code ? new JsonObject { ["id"] = "11", ["refName"] = code["externalId"]!.GetValue<string>() } : null;
        }

        record["subTotal"] = invoice.Subtotal.Amount;
        record["taxTotal"] = invoice.TaxTotal.Amount;
        record["total"] = invoice.Total.Amount;
        record["amountPaid"] = invoice.AmountPaid.Amount;
        record["amountRemaining"] = invoice.AmountDue.Amount;
        var resolver = new InMemoryCrossReferenceResolver();
        resolver.Add(Tenant, "client", "netsuite", customerId, invoice.ClientId.Value);
        return (record, resolver);
    }

    private static void AssertSameInvoice(Invoice expected, Invoice actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.ClientId, actual.ClientId);
        Assert.Equal(expected.IssueDate, actual.IssueDate);
        Assert.Equal(expected.DueDate, actual.DueDate);
        Assert.Equal(expected.Currency, actual.Currency);
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.PurchaseOrderNumber, actual.PurchaseOrderNumber);
        Assert.Equal(expected.Subtotal, actual.Subtotal);
        Assert.Equal(expected.TaxTotal, actual.TaxTotal);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.AmountPaid, actual.AmountPaid);
        Assert.Equal(expected.AmountDue, actual.AmountDue);
        Assert.Equal(expected.Lines.Count, actual.Lines.Count);
        for (var i = 0; i < expected.Lines.Count; i++)
        {
            var (e, a) = (expected.Lines[i], actual.Lines[i]);
            Assert.Equal(e.LineNumber, a.LineNumber);
            Assert.Equal(e.Description, a.Description);
            Assert.Equal(e.Quantity, a.Quantity);
            Assert.Equal(e.UnitPrice, a.UnitPrice);
            Assert.Equal(e.Amount, a.Amount);
            Assert.Equal(e.TaxAmount, a.TaxAmount);
            Assert.Equal(e.TaxCode, a.TaxCode);
        }
    }

    private static Invoice RandomInvoice(Faker faker)
    {
        var currency = faker.PickRandom(CurrencyCode.Usd, CurrencyCode.Eur, CurrencyCode.Gbp, CurrencyCode.Jpy, CurrencyCode.Chf);
        var issue = new DateOnly(2026, 1, 1).AddDays(faker.Random.Int(0, 300));
        var lines = new JsonArray();
        var subtotal = Money.Zero(currency);
        var tax = Money.Zero(currency);
        var count = faker.Random.Int(1, 12);
        for (var n = 1; n <= count; n++)
        {
            var quantity = decimal.Round(faker.Random.Decimal(0.25m, 80m), 2);
            var price = Money.Of(decimal.Round(faker.Random.Decimal(50m, 400m), currency.MinorUnits), currency);
            var amount = (price * quantity).Round();
            var lineTax = (amount * 0.19m).Round();
            subtotal += amount;
            tax += lineTax;
            lines.Add(new JsonObject
            {
                ["lineNumber"] = n,
                ["description"] = faker.Name.JobTitle() + ", " + issue.AddDays(-n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ": " + faker.Hacker.Phrase(),
                ["quantity"] = quantity,
                ["unitPrice"] = MoneyJson(price),
                ["amount"] = MoneyJson(amount),
                ["taxAmount"] = MoneyJson(lineTax),
                ["taxCode"] = faker.Random.Bool(0.8f) ? "VAT-STD" : null,
                ["billingEventIds"] = new JsonArray(),
            });
        }

        var total = subtotal + tax;
        var paid = faker.Random.Bool(0.3f) ? (total * 0.5m).Round() : Money.Zero(currency);
        var json = new JsonObject
        {
            ["id"] = Guid.CreateVersion7().ToString(),
            ["tenantId"] = Tenant,
            ["clientId"] = Guid.CreateVersion7().ToString(),
            ["number"] = "INV-" + faker.Random.Int(1000, 99999).ToString(CultureInfo.InvariantCulture),
            ["purchaseOrderNumber"] = faker.Random.Bool(0.5f) ? "PO-" + faker.Random.AlphaNumeric(8).ToUpperInvariant() : null,
            ["issueDate"] = issue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dueDate"] = issue.AddDays(faker.PickRandom(14, 30, 45)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["currency"] = currency.ToString(),
            ["status"] = "posted",
            ["lines"] = lines,
            ["subtotal"] = MoneyJson(subtotal),
            ["taxTotal"] = MoneyJson(tax),
            ["total"] = MoneyJson(total),
            ["amountPaid"] = MoneyJson(paid),
            ["amountDue"] = MoneyJson(total - paid),
            ["postedAt"] = new DateTimeOffset(issue.ToDateTime(new TimeOnly(15, 2, 11)), TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        };
        return CanonicalJson.Deserialize<Invoice>(json.ToJsonString());
    }

    private static JsonObject MoneyJson(Money money) => new() { ["amount"] = money.Amount.ToString(CultureInfo.InvariantCulture), ["currency"] = money.Currency.ToString() };

    private static ReadOnlyMemory<byte> Bytes(JsonObject record) => JsonSerializer.SerializeToUtf8Bytes(record);
}
