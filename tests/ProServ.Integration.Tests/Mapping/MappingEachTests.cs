using ProServ.Integration.Finance;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

public sealed class MappingEachTests
{
    private const string InvoiceMapping = """
        {
          "id": "test-netsuite-invoice",
          "version": 1,
          "direction": "inbound",
          "source": "netsuite:invoice",
          "target": "invoice@1",
          "sourceId": "/internalId",
          "rules": [
            { "target": "/id", "lookup": { "path": "/internalId", "recordType": "invoice", "onMissing": "derive" } },
            { "target": "/clientId", "lookup": { "path": "/entity/internalId", "recordType": "client", "onMissing": "derive" } },
            { "target": "/number", "path": "/tranId" },
            { "target": "/issueDate", "path": "/tranDate", "convert": "date" },
            { "target": "/dueDate", "path": "/dueDate", "convert": "date" },
            { "target": "/postedAt", "path": "/createdDate", "convert": "dateTime", "timeZone": "America/Los_Angeles" },
            { "target": "/currency", "path": "/currency/refName", "convert": "currency" },
            { "target": "/status", "path": "/status", "valueMap": { "Open": "posted", "Paid In Full": "paid" } },
            {
              "target": "/lines",
              "each": "/item/items",
              "rules": [
                { "target": "/lineNumber", "path": "/line", "convert": "integer" },
                { "target": "/description", "template": "{description} ({/item/refName})" },
                { "target": "/quantity", "path": "/quantity", "convert": "decimal" },
                { "target": "/unitPrice", "money": { "amount": "/rate", "defaultCurrency": "USD" } },
                { "target": "/amount", "computedMoney": { "quantity": "/quantity", "rate": "/rate", "defaultCurrency": "USD" } },
                { "target": "/taxAmount", "money": { "amount": "/tax1Amt", "defaultCurrency": "USD" }, "default": { "amount": "0.00", "currency": "USD" } },
                { "target": "/billingEventIds", "path": "/events/*/id" }
              ]
            },
            { "target": "/subtotal", "money": { "amount": "/subtotal", "currency": "/currency/refName" } },
            { "target": "/taxTotal", "money": { "amount": "/taxTotal", "currency": "/currency/refName" } },
            { "target": "/total", "money": { "amount": "/total", "currency": "/currency/refName" } },
            { "target": "/amountPaid", "const": { "amount": "0.00", "currency": "USD" } },
            { "target": "/amountDue", "money": { "amount": "/amountRemaining", "currency": "/currency/refName" } }
          ]
        }
        """;

    private const string Invoice = """
        {
          "internalId": "8812",
          "tranId": "INV-2026-0042",
          "entity": { "internalId": "311", "refName": "Globex" },
          "tranDate": "2026-03-31",
          "dueDate": "2026-04-30",
          "createdDate": "2026-03-31T17:05:00",
          "currency": { "refName": "USD" },
          "status": "Open",
          "subtotal": 2268.76,
          "taxTotal": 0,
          "total": 2268.76,
          "amountRemaining": 2268.76,
          "item": {
            "items": [
              { "line": 1, "item": { "refName": "Consulting" }, "description": "Senior consultant", "quantity": 7.25, "rate": "187.50",
                "events": [ { "id": "0195f6a0-0000-7000-8000-000000000001" }, { "id": "0195f6a0-0000-7000-8000-000000000002" } ] },
              { "line": 2, "item": { "refName": "Consulting" }, "description": "Analyst", "quantity": 8.5, "rate": "106.95", "tax1Amt": null }
            ]
          }
        }
        """;

    [Fact]
    public void Map_Each_MapsEveryItemWithComputedMoney()
    {
        var result = Load(InvoiceMapping).Map<Invoice>(Parse(Invoice), Context());

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var invoice = result.Value!;
        Assert.Equal(2, invoice.Lines.Count);
        Assert.Equal(Money.Of(1359.38m, CurrencyCode.Usd), invoice.Lines[0].Amount); // 7.25 x 187.50 = 1359.375, half-even
        Assert.Equal(Money.Of(909.08m, CurrencyCode.Usd), invoice.Lines[1].Amount);  // 8.5 x 106.95 = 909.075, half-even
        Assert.Equal("Senior consultant (Consulting)", invoice.Lines[0].Description);
        Assert.Equal(7.25m, invoice.Lines[0].Quantity);
        Assert.Equal(2, invoice.Lines[0].BillingEventIds.Count);
        Assert.Empty(invoice.Lines[1].BillingEventIds);
        Assert.Equal(Money.Zero(CurrencyCode.Usd), invoice.Lines[1].TaxAmount);
        Assert.Equal(InvoiceStatus.Posted, invoice.Status.Value);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 17, 5, 0, TimeSpan.FromHours(-7)), invoice.PostedAt);
    }

    [Fact]
    public void Map_DateTimeInDaylightSavingGap_ReportsConversionFailed()
    {
        var result = Load(InvoiceMapping).Map<Invoice>(Parse(Invoice.Replace("2026-03-31T17:05:00", "2026-03-08T02:30:00", StringComparison.Ordinal)), Context());

        var error = Assert.Single(result.Errors);
        Assert.Equal(MappingErrorCodes.ConversionFailed, error.Code);
        Assert.Equal("/createdDate", error.Path);
    }

    [Fact]
    public void Map_DateTimeWithSalesforceOffset_KeepsTheInstant()
    {
        var result = Load(InvoiceMapping).Map<Invoice>(Parse(Invoice.Replace("2026-03-31T17:05:00", "2026-03-31T17:05:00.000+0000", StringComparison.Ordinal)), Context());

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 17, 5, 0, TimeSpan.Zero), result.Value!.PostedAt);
    }

    [Fact]
    public void Map_EachItemWithBadValue_ReportsItemPointer()
    {
        var result = Load(InvoiceMapping).Map<Invoice>(Parse(Invoice.Replace("\"quantity\": 8.5", "\"quantity\": \"8,5\"", StringComparison.Ordinal)), Context());

        Assert.Contains(result.Errors, e => e.Code == MappingErrorCodes.ConversionFailed && e.Path == "/item/items/1/quantity");
    }

    [Fact]
    public void Map_EachItemMissingRequired_ReportsItemPointer()
    {
        var result = Load(InvoiceMapping).Map<Invoice>(Parse(Invoice.Replace("\"description\": \"Analyst\", ", string.Empty, StringComparison.Ordinal)
            .Replace("\"item\": { \"refName\": \"Consulting\" }, \"quantity\": 8.5", "\"quantity\": 8.5", StringComparison.Ordinal)), Context());

        Assert.Contains(result.Errors, e => e.Code == MappingErrorCodes.MissingValue && e.Path == "/item/items/1");
    }

    [Fact]
    public void Load_EachItemMissingRequiredRule_ReportsAtNestedRules()
    {
        var json = InvoiceMapping.Replace("""{ "target": "/lineNumber", "path": "/line", "convert": "integer" },""", string.Empty, StringComparison.Ordinal);

        var problem = Assert.Single(LoadFails(json).Problems);

        Assert.Equal(MappingErrorCodes.RequiredUnmapped, problem.Code);
        Assert.Contains("/lineNumber", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "\"rules\": [", 2), problem.Line);
    }
}
