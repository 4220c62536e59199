using ProServ.Integration.TestUtils;
using System.Text.Json;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Schemas.Tests.Published;

/// <summary>The sample payloads of <c>samples/payloads</c>: valid ones pass the schema and the .NET reader, invalid ones fail where intended.</summary>
public sealed class SamplePayloadsTests
{
    public static TheoryData<string> ValidSamples() =>
        [.. Directory.GetDirectories(RepositoryLayout.SamplesFolder, "*.v1")
            .SelectMany(d => Directory.GetFiles(d, "*.json").Concat(Directory.GetFiles(d, "*.jsonl")))
            .Select(p => Path.GetRelativePath(RepositoryLayout.SamplesFolder, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void ValidSample_SchemaAndReader_BothAccept(string relativePath)
    {
        var descriptor = SchemaCatalog.Default.Get(SchemaReference.Parse(relativePath.Split('/')[0].Replace(".v", "@", StringComparison.Ordinal)));
        var path = Path.Combine(RepositoryLayout.SamplesFolder, relativePath);
        var documents = relativePath.EndsWith(".jsonl", StringComparison.Ordinal)
            ? File.ReadAllLines(path).Where(l => l.Length > 0).ToArray()
            : [File.ReadAllText(path)];

        foreach (var json in documents)
        {
            var result = descriptor.Schema.Validate(System.Text.Encoding.UTF8.GetBytes(json));
            Assert.True(result.IsValid, $"{relativePath}: " + string.Join("; ", result.Errors.Select(e => $"{e.Code} at '{e.InstanceLocation}': {e.Message}")));
            var record = JsonSerializer.Deserialize(json, CanonicalJson.Options.GetTypeInfo(descriptor.ClrType!));
            Assert.NotNull(record);
        }
    }

    [Theory]
    [InlineData("invalid/time-entry.v1/negative-hours.json", "schema.exclusiveMinimum", "/hours")]
    [InlineData("invalid/time-entry.v1/misspelt-property.json", "schema.additionalProperties", "/workdate")]
    [InlineData("invalid/invoice.v1/unknown-status.json", "schema.enum", "/status")]
    [InlineData("invalid/payment.v1/amount-as-number.json", "schema.type", "/amount/amount")]
    [InlineData("invalid/expense.v1/missing-currency.json", "schema.required", "/amount")]
    [InlineData("invalid/billing-event.v1/instant-without-offset.json", "schema.format", "/createdAt")]
    public void InvalidSample_Schema_RejectsWithExpectedError(string relativePath, string code, string instanceLocation)
    {
        var descriptor = SchemaCatalog.Default.Get(SchemaReference.Parse(relativePath.Split('/')[1].Replace(".v", "@", StringComparison.Ordinal)));

        var result = descriptor.Schema.Validate(File.ReadAllBytes(Path.Combine(RepositoryLayout.SamplesFolder, relativePath)));

        Assert.Contains(result.Errors, e => e.Code == code && e.InstanceLocation == instanceLocation);
    }

    [Fact]
    public void InvalidSamples_EveryFile_HasAnExpectation()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryLayout.SamplesFolder, "invalid"), "*.json", SearchOption.AllDirectories);
        Assert.Equal(6, files.Length);
    }

    [Fact]
    public void InvoiceSample_Totals_AddUpExactly()
    {
        var invoice = CanonicalJson.Deserialize<Invoice>(File.ReadAllText(Path.Combine(RepositoryLayout.SamplesFolder, "invoice.v1", "bp-de-2026-000318.json")));
        var subtotal = Money.Zero(invoice.Currency);
        var tax = Money.Zero(invoice.Currency);
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            Assert.Equal(i + 1, line.LineNumber);
            Assert.Equal((line.UnitPrice * line.Quantity).Round(), line.Amount);
            subtotal += line.Amount;
            tax += line.TaxAmount;
        }

        Assert.Equal(subtotal, invoice.Subtotal);
        Assert.Equal(tax, invoice.TaxTotal);
        Assert.Equal(subtotal + tax, invoice.Total);
        Assert.Equal(invoice.Total - invoice.AmountPaid, invoice.AmountDue);

        var payment = CanonicalJson.Deserialize<Payment>(File.ReadAllText(Path.Combine(RepositoryLayout.SamplesFolder, "payment.v1", "bp-de-2026-000318-bank-transfer.json")));
        Assert.Equal(invoice.Id, payment.InvoiceId);
        Assert.Equal(invoice.AmountDue, payment.Amount);
    }
}
