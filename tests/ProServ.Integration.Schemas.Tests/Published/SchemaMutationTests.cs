using System.Text;
using System.Text.Json.Nodes;
using ProServ.Integration.Events;
using ProServ.Integration.Model;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Schemas.Validation;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Schemas.Tests.Published;

/// <summary>Typical mistakes in a valid generated record are rejected with the right error code at the right JSON Pointer.</summary>
public sealed class SchemaMutationTests
{
    public static TheoryData<string, string> RequiredProperties()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in CanonicalSchemaIds.RecordTypes)
        {
            foreach (var name in SchemaDocuments.Required(SchemaDocuments.Get($"{CanonicalSchemaIds.GetSchemaName(type)}.v1.schema.json")))
            {
                data.Add(type.Name, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredProperties))]
    public void Validate_RequiredPropertyRemoved_RequiredErrorAtRecord(string typeName, string property)
    {
        var type = CanonicalSchemaIds.RecordTypes.Single(t => t.Name == typeName);
        var record = ValidRecord(type);
        Assert.True(record.Remove(property), $"the generated {typeName} has no '{property}'");

        AssertRejected(type, record, "schema.required", string.Empty, $"'{property}'");
    }

    [Theory]
    [InlineData("lineNumber")]
    [InlineData("description")]
    [InlineData("quantity")]
    [InlineData("unitPrice")]
    [InlineData("amount")]
    [InlineData("taxAmount")]
    public void Validate_InvoiceLineRequiredPropertyRemoved_RequiredErrorAtLine(string property)
    {
        var invoice = ValidRecord(typeof(Invoice));
        Assert.True(invoice["lines"]![0]!.AsObject().Remove(property));

        AssertRejected(typeof(Invoice), invoice, "schema.required", "/lines/0", $"'{property}'");
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("currency")]
    public void Validate_MoneyPropertyRemoved_RequiredErrorAtMoney(string property)
    {
        var payment = ValidRecord(typeof(Payment));
        Assert.True(payment["amount"]!.AsObject().Remove(property));

        AssertRejected(typeof(Payment), payment, "schema.required", "/amount", $"'{property}'");
    }

    [Fact]
    public void Validate_RateCardEntryWithoutRole_RequiredErrorAtEntry()
    {
        var line = ValidRecord(typeof(ContractLine));
        Assert.True(line["rateCard"]![0]!.AsObject().Remove("role"));

        AssertRejected(typeof(ContractLine), line, "schema.required", "/rateCard/0");
    }

    [Fact]
    public void Validate_ExternalReferenceWithoutId_RequiredErrorAtReference()
    {
        var entry = ValidRecord(typeof(TimeEntry));
        Assert.True(entry["externalReferences"]![0]!.AsObject().Remove("id"));

        AssertRejected(typeof(TimeEntry), entry, "schema.required", "/externalReferences/0");
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("XYZ")]
    [InlineData("HRK")]
    public void Validate_UnknownCurrencyCode_EnumErrorAtCurrency(string currency)
    {
        var invoice = ValidRecord(typeof(Invoice));
        invoice["currency"] = currency;
        AssertRejected(typeof(Invoice), invoice, "schema.enum", "/currency");

        var payment = ValidRecord(typeof(Payment));
        payment["amount"]!["currency"] = currency;
        AssertRejected(typeof(Payment), payment, "schema.enum", "/amount/currency");
    }

    [Fact]
    public void Validate_LowercaseCurrency_PatternErrorToo()
    {
        var invoice = ValidRecord(typeof(Invoice));
        invoice["currency"] = "usd";

        AssertRejected(typeof(Invoice), invoice, "schema.pattern", "/currency");
    }

    [Fact]
    public void Validate_AmountAsJsonNumber_TypeErrorAtAmount()
    {
        var payment = ValidRecord(typeof(Payment));
        payment["amount"]!["amount"] = 1234.5m;

        AssertRejected(typeof(Payment), payment, "schema.type", "/amount/amount");
    }

    [Theory]
    [InlineData("1 234.50")]
    [InlineData("1,234.50")]
    [InlineData("01234.50")]
    [InlineData("1234.")]
    [InlineData("1e3")]
    public void Validate_MalformedAmountString_PatternErrorAtAmount(string amount)
    {
        var invoice = ValidRecord(typeof(Invoice));
        invoice["total"]!["amount"] = amount;

        AssertRejected(typeof(Invoice), invoice, "schema.pattern", "/total/amount");
    }

    [Theory]
    [InlineData("USD", "10.005")]
    [InlineData("JPY", "100.5")]
    [InlineData("BHD", "1.2345")]
    public void Validate_AmountNotRoundedToMinorUnits_PatternErrorAtAmount(string currency, string amount)
    {
        var payment = ValidRecord(typeof(Payment));
        payment["amount"] = new JsonObject { ["amount"] = amount, ["currency"] = currency };

        AssertRejected(typeof(Payment), payment, "schema.pattern", "/amount/amount");
    }

    [Theory]
    [InlineData("USD", "10.05")]
    [InlineData("JPY", "100")]
    [InlineData("BHD", "1.234")]
    [InlineData("CLF", "1.2345")]
    public void Validate_AmountRoundedToMinorUnits_Valid(string currency, string amount)
    {
        var payment = ValidRecord(typeof(Payment));
        payment["amount"] = new JsonObject { ["amount"] = amount, ["currency"] = currency };

        AssertValid(typeof(Payment), payment);
    }

    [Theory]
    [InlineData("-10.00")]
    [InlineData("0")]
    [InlineData("0.00")]
    public void Validate_PaymentAmountNotPositive_PatternErrorAtAmount(string amount)
    {
        var payment = ValidRecord(typeof(Payment));
        payment["amount"]!["amount"] = amount;

        AssertRejected(typeof(Payment), payment, "schema.pattern", "/amount/amount");
    }

    [Fact]
    public void Validate_NegativeBillingEventThatIsNoAdjustment_PatternErrorAtAmount()
    {
        var billing = ValidRecord(typeof(BillingEvent));
        billing["sourceKind"] = "expense";
        billing["sourceId"] = "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
        billing.Remove("quantity");
        billing.Remove("unitPrice");
        billing["amount"]!["amount"] = "-100.00";
        billing["amount"]!["currency"] = "USD";
        AssertRejected(typeof(BillingEvent), billing, "schema.pattern", "/amount/amount");

        billing["sourceKind"] = "adjustment";
        AssertValid(typeof(BillingEvent), billing);
    }

    [Theory]
    [InlineData("-1", "schema.exclusiveMinimum")]
    [InlineData("0", "schema.exclusiveMinimum")]
    [InlineData("25", "schema.maximum")]
    [InlineData("24.01", "schema.maximum")]
    [InlineData("7.333", "schema.multipleOf")]
    public void Validate_HoursOutOfRange_ErrorAtHours(string hours, string code)
    {
        var entry = ValidRecord(typeof(TimeEntry));
        entry["hours"] = JsonNode.Parse(hours);

        AssertRejected(typeof(TimeEntry), entry, code, "/hours");
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("7.5")]
    [InlineData("7.50")]
    [InlineData("24")]
    public void Validate_HoursInRange_Valid(string hours)
    {
        var entry = ValidRecord(typeof(TimeEntry));
        entry["hours"] = JsonNode.Parse(hours);

        AssertValid(typeof(TimeEntry), entry);
    }

    [Fact]
    public void Validate_HoursAsString_TypeErrorAtHours()
    {
        var entry = ValidRecord(typeof(TimeEntry));
        entry["hours"] = "8";

        AssertRejected(typeof(TimeEntry), entry, "schema.type", "/hours");
    }

    [Theory]
    [InlineData("Client", "status", "archived")]
    [InlineData("Opportunity", "stage", "Closed Won")]
    [InlineData("Engagement", "status", "paused")]
    [InlineData("TimeEntry", "status", "Approved")]
    [InlineData("Expense", "category", "entertainment")]
    [InlineData("Invoice", "status", "overdue")]
    [InlineData("Payment", "method", "crypto")]
    [InlineData("BillingEvent", "status", "billed")]
    [InlineData("ContractLine", "billingMethod", "cost-plus")]
    public void Validate_UnknownEnumValue_EnumError(string typeName, string property, string value)
    {
        var type = CanonicalSchemaIds.RecordTypes.Single(t => t.Name == typeName);
        var record = ValidRecord(type);
        record[property] = value;

        AssertRejected(type, record, "schema.enum", "/" + property);
    }

    [Fact]
    public void Validate_UnknownEnumValue_ReaderStillKeepsIt()
    {
        // The contract rejects what the .NET reader tolerates: the reader keeps the vendor's value so it can be reported.
        var entry = ValidRecord(typeof(TimeEntry));
        entry["status"] = "on-hold-by-vendor";

        var read = CanonicalJson.Deserialize<TimeEntry>(entry.ToJsonString());

        Assert.False(read.Status.IsKnown);
        Assert.Equal("on-hold-by-vendor", read.Status.RawValue);
        AssertRejected(typeof(TimeEntry), entry, "schema.enum", "/status");
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("14.03.2025")]
    [InlineData("2025-03-14T00:00:00Z")]
    public void Validate_BadDate_FormatErrorAtDate(string date)
    {
        var entry = ValidRecord(typeof(TimeEntry));
        entry["workDate"] = date;

        AssertRejected(typeof(TimeEntry), entry, "schema.format", "/workDate");
    }

    [Theory]
    [InlineData("2025-03-14 12:30")]
    [InlineData("2025-03-14T12:30:00")]
    [InlineData("2025-03-14")]
    [InlineData("2025-03-14T25:00:00Z")]
    public void Validate_BadDateTime_FormatErrorAtInstant(string instant)
    {
        var payment = ValidRecord(typeof(Payment));
        payment["receivedAt"] = instant;

        AssertRejected(typeof(Payment), payment, "schema.format", "/receivedAt");
    }

    [Fact]
    public void Validate_DateTimeWithLowercaseT_PatternErrorAsTheReaderRejectsIt()
    {
        var payment = ValidRecord(typeof(Payment));
        payment["receivedAt"] = "2026-03-14t09:30:00z";

        AssertRejected(typeof(Payment), payment, "schema.pattern", "/receivedAt");
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => CanonicalJson.Deserialize<Payment>(payment.ToJsonString()));
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("0195A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B")]
    [InlineData("{0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b}")]
    [InlineData("0195a1b2c3d47e5f8a9b0c1d2e3f4a5b")]
    public void Validate_BadUuid_PatternErrorAtId(string id)
    {
        var entry = ValidRecord(typeof(TimeEntry));
        entry["engagementId"] = id;

        AssertRejected(typeof(TimeEntry), entry, "schema.pattern", "/engagementId");
    }

    [Fact]
    public void Validate_NilUuid_NotErrorAtId()
    {
        var invoice = ValidRecord(typeof(Invoice));
        invoice["id"] = "00000000-0000-0000-0000-000000000000";

        AssertRejected(typeof(Invoice), invoice, "schema.not", "/id");
    }

    [Fact]
    public void Validate_UnknownExtraProperty_RejectedAtProperty()
    {
        var entry = ValidRecord(typeof(TimeEntry));
        entry["hourz"] = 8;

        AssertRejected(typeof(TimeEntry), entry, ClosedCode, "/hourz");
    }

    [Fact]
    public void Validate_UnknownPropertyInNestedObjects_RejectedAtProperty()
    {
        var invoice = ValidRecord(typeof(Invoice));
        invoice["lines"]![0]!["discount"] = "0.00";
        invoice["total"]!["precision"] = 2;
        invoice["externalReferences"] = new JsonArray(new JsonObject { ["system"] = "netsuite", ["id"] = "42", ["url"] = "https://x.example" });

        var errors = Validate(typeof(Invoice), invoice);
        Assert.Contains(errors, e => e.Code == ClosedCode && e.InstanceLocation == "/lines/0/discount");
        Assert.Contains(errors, e => e.Code == ClosedCode && e.InstanceLocation == "/total/precision");
        Assert.Contains(errors, e => e.Code == ClosedCode && e.InstanceLocation == "/externalReferences/0/url");
    }

    [Fact]
    public void Validate_InvoiceLineMoneyAsString_TypeErrorAtLineAmount()
    {
        var invoice = ValidRecord(typeof(Invoice));
        invoice["lines"]![0]!["amount"] = "1234.50";

        AssertRejected(typeof(Invoice), invoice, "schema.type", "/lines/0/amount");
    }

    [Fact]
    public void Validate_InvoiceLineMoneyWithWrongPropertyNames_Rejected()
    {
        var invoice = ValidRecord(typeof(Invoice));
        invoice["lines"]![0]!["unitPrice"] = new JsonObject { ["value"] = "150.00", ["currencyCode"] = "USD" };

        var errors = Validate(typeof(Invoice), invoice);
        Assert.Contains(errors, e => e.Code == "schema.required" && e.InstanceLocation == "/lines/0/unitPrice");
        Assert.Contains(errors, e => e.Code == ClosedCode && e.InstanceLocation == "/lines/0/unitPrice/value");
    }

    [Fact]
    public void Validate_InvoiceWithoutLines_MinItemsError()
    {
        var invoice = ValidRecord(typeof(Invoice));
        invoice["lines"] = new JsonArray();

        AssertRejected(typeof(Invoice), invoice, "schema.minItems", "/lines");
    }

    [Theory]
    [InlineData("probability", "101", "schema.maximum", "Opportunity")]
    [InlineData("probability", "-1", "schema.minimum", "Opportunity")]
    [InlineData("probability", "50.5", "schema.type", "Opportunity")]
    [InlineData("paymentTermsDays", "-1", "schema.minimum", "Client")]
    [InlineData("allocationPercent", "0", "schema.minimum", "ResourceAssignment")]
    [InlineData("allocationPercent", "120", "schema.maximum", "ResourceAssignment")]
    [InlineData("markupPercent", "-5", "schema.minimum", "Expense")]
    [InlineData("markupPercent", "7.505", "schema.multipleOf", "Expense")]
    public void Validate_NumberOutOfRange_Rejected(string property, string value, string code, string typeName)
    {
        var type = CanonicalSchemaIds.RecordTypes.Single(t => t.Name == typeName);
        var record = ValidRecord(type);
        record[property] = JsonNode.Parse(value);

        AssertRejected(type, record, code, "/" + property);
    }

    [Fact]
    public void Validate_TenantIdWithUppercase_PatternError()
    {
        var client = ValidRecord(typeof(Client));
        client["tenantId"] = "Acme Consulting";

        AssertRejected(typeof(Client), client, "schema.pattern", "/tenantId");
    }

    [Fact]
    public void Validate_ApprovedTimeEntryWithoutApprover_RequiredError()
    {
        var entry = CanonicalRecords.ToNode(CanonicalRecords.ByType[typeof(TimeEntry)].Cast<TimeEntry>().First(e => e.Status == TimeEntryStatus.Approved));
        AssertValid(typeof(TimeEntry), entry);
        entry.Remove("approvedBy");

        AssertRejected(typeof(TimeEntry), entry, "schema.required", string.Empty, "'approvedBy'");
    }

    [Fact]
    public void Validate_TimeAndMaterialsLineWithoutRates_Rejected()
    {
        var line = ValidRecord(typeof(ContractLine));
        Assert.Equal("time-and-materials", line["billingMethod"]!.GetValue<string>());
        line["rateCard"] = new JsonArray();

        AssertRejected(typeof(ContractLine), line, "schema.minItems", "/rateCard");
    }

    [Fact]
    public void Validate_BusinessEventWhoseDataIsNotItsType_ErrorInsideData()
    {
        var approved = CanonicalRecords.ToNode(CanonicalRecords.ByType[typeof(BusinessEvent)].Cast<BusinessEvent>().First(e => e.Type == BusinessEventTypes.TimeEntryApproved));
        AssertValid(typeof(BusinessEvent), approved);

        var draft = approved.DeepClone().AsObject();
        draft["data"]!["status"] = "draft";
        AssertRejected(typeof(BusinessEvent), draft, "schema.const", "/data/status");

        var noHours = approved.DeepClone().AsObject();
        noHours["data"]!.AsObject().Remove("hours");
        AssertRejected(typeof(BusinessEvent), noHours, "schema.required", "/data");

        var wrongSchema = approved.DeepClone().AsObject();
        wrongSchema["dataschema"] = CanonicalSchemaIds.For(typeof(Invoice)).AbsoluteUri;
        AssertRejected(typeof(BusinessEvent), wrongSchema, "schema.const", "/dataschema");
    }

    [Fact]
    public void Validate_BusinessEventExtensionAttributeOrBadSpecVersion_Rejected()
    {
        var businessEvent = ValidRecord(typeof(BusinessEvent));
        businessEvent["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        businessEvent["specversion"] = "0.3";

        var errors = Validate(typeof(BusinessEvent), businessEvent);
        Assert.Contains(errors, e => e.Code == ClosedCode && e.InstanceLocation == "/traceparent");
        Assert.Contains(errors, e => e.Code == "schema.const" && e.InstanceLocation == "/specversion");
    }

    [Fact]
    public void Validate_NullForOptionalProperty_TypeError()
    {
        // The wire format omits absent properties; null is not a value of the contract.
        var client = ValidRecord(typeof(Client));
        client["legalName"] = null;

        AssertRejected(typeof(Client), client, "schema.type", "/legalName");
    }

    private const string ClosedCode = "schema.additionalProperties";

    private static JsonObject ValidRecord(Type type)
    {
        var record = CanonicalRecords.One(type);
        AssertValid(type, record);
        return record;
    }

    private static IReadOnlyList<SchemaValidationError> Validate(Type type, JsonObject record) =>
        SchemaCatalog.Default.GetFor(type).Schema.Validate(Encoding.UTF8.GetBytes(record.ToJsonString()), ValidationOutputMode.AllErrors).Errors;

    private static void AssertValid(Type type, JsonObject record)
    {
        var errors = Validate(type, record);
        Assert.True(errors.Count == 0, $"expected a valid {type.Name}: {Describe(errors)}\n{record.ToJsonString()}");
    }

    private static void AssertRejected(Type type, JsonObject record, string code, string instanceLocation, string? messageContains = null)
    {
        var errors = Validate(type, record);
        Assert.True(
            errors.Any(e => e.Code == code && e.InstanceLocation == instanceLocation && (messageContains is null || e.Message.Contains(messageContains, StringComparison.Ordinal))),
            $"expected {code} at '{instanceLocation}' for {type.Name}, got: {Describe(errors)}");
    }

    private static string Describe(IReadOnlyList<SchemaValidationError> errors) =>
        errors.Count == 0 ? "no errors" : string.Join("; ", errors.Take(8).Select(e => $"{e.Code} at '{e.InstanceLocation}' ({e.KeywordLocation}): {e.Message}"));
}
