using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ProServ.Integration.Model;
using ProServ.Integration.Schemas;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Schemas.Validation;
using ProServ.Integration.Serialization;
using ProServ.Integration.TestUtils;
using ProServ.Integration.TestUtils.Documents;
using NJsonSchemaDocument = NJsonSchema.JsonSchema;

namespace ProServ.Integration.Benchmarks.Validation;

/// <summary>
/// Validates a ~1 KB time entry with our draft 2020-12 validator and with NJsonSchema 10.7.2 (the baseline), in three
/// categories: valid and invalid (13 errors, AllErrors) documents against a self-contained fixture schema, and a faker-built
/// time entry against the published <c>time-entry@1</c> schema (NJsonSchema gets a bundled draft-07 copy of it).
/// Both validators parse the instance from the same text on every call.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonSchemaValidationBenchmark
{
    private JsonSchema _ours = null!;
    private NJsonSchemaDocument _njsonSchema = null!;
    private JsonSchema _published = null!;
    private NJsonSchemaDocument _njsonPublished = null!;
    private byte[] _validUtf8 = null!;
    private byte[] _invalidUtf8 = null!;
    private byte[] _publishedUtf8 = null!;
    private string _validText = null!;
    private string _invalidText = null!;
    private string _publishedText = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ours = JsonSchema.Parse(TimeEntryDocuments.Schema);
        _njsonSchema = NJsonSchemaDocument.FromJsonAsync(TimeEntryDocuments.Schema).GetAwaiter().GetResult();
        _validText = TimeEntryDocuments.Valid;
        _invalidText = TimeEntryDocuments.Invalid;
        _validUtf8 = Encoding.UTF8.GetBytes(_validText);
        _invalidUtf8 = Encoding.UTF8.GetBytes(_invalidText);

        var catalog = SchemaCatalog.Default;
        _published = catalog.Get(SchemaReference.Parse("time-entry@1")).Schema;
        var bundled = PublishedSchemaBundler.Bundle(
            catalog.Get(SchemaReference.Parse("time-entry@1")).Utf8Json,
            catalog.Get(SchemaReference.Parse("common@1")).Utf8Json);
        _njsonPublished = NJsonSchemaDocument.FromJsonAsync(bundled).GetAwaiter().GetResult();
        _publishedText = PublishedTimeEntry();
        _publishedUtf8 = Encoding.UTF8.GetBytes(_publishedText);

        // Guard the comparison: both validators must agree on the outcome, or the numbers mean nothing.
        Expect("fixture valid (ours)", _ours.Validate(_validUtf8).Errors, expectValid: true);
        Expect("fixture valid (NJsonSchema)", _njsonSchema.Validate(_validText), expectValid: true);
        Expect("fixture invalid (ours)", _ours.Validate(_invalidUtf8).Errors, expectValid: false);
        Expect("fixture invalid (NJsonSchema)", _njsonSchema.Validate(_invalidText), expectValid: false);
        Expect("published (ours)", _published.Validate(_publishedUtf8).Errors, expectValid: true);
        Expect("published (NJsonSchema)", _njsonPublished.Validate(_publishedText), expectValid: true);
    }

    [Benchmark(Baseline = true, Description = "NJsonSchema 10.7.2")]
    [BenchmarkCategory("Valid")]
    public int NJsonSchema_Valid() => _njsonSchema.Validate(_validText).Count;

    [Benchmark(Description = "ProServ JsonSchema")]
    [BenchmarkCategory("Valid")]
    public int Ours_Valid() => _ours.Validate(_validUtf8).Errors.Count;

    [Benchmark(Baseline = true, Description = "NJsonSchema 10.7.2")]
    [BenchmarkCategory("Invalid")]
    public int NJsonSchema_Invalid() => _njsonSchema.Validate(_invalidText).Count;

    [Benchmark(Description = "ProServ JsonSchema")]
    [BenchmarkCategory("Invalid")]
    public int Ours_Invalid() => _ours.Validate(_invalidUtf8).Errors.Count;

    [Benchmark(Baseline = true, Description = "NJsonSchema 10.7.2")]
    [BenchmarkCategory("Published")]
    public int NJsonSchema_Published() => _njsonPublished.Validate(_publishedText).Count;

    [Benchmark(Description = "ProServ JsonSchema")]
    [BenchmarkCategory("Published")]
    public int Ours_Published() => _published.Validate(_publishedUtf8).Errors.Count;

    private static void Expect<T>(string what, IEnumerable<T> errors, bool expectValid)
    {
        var list = errors.ToList();
        if ((list.Count == 0) != expectValid)
        {
            throw new InvalidOperationException("The validators disagree on the benchmark documents: " + what + " gave " + list.Count + " errors: " + string.Join("; ", list));
        }
    }

    /// <summary>Builds an approved time entry (every optional field set) with the seeded faker, as canonical JSON.</summary>
    private static string PublishedTimeEntry()
    {
        var faker = new CanonicalFaker(seed: 42);
        var client = faker.Client();
        var resource = faker.Resource();
        var engagement = faker.Engagement(client);
        var line = faker.ContractLine(engagement);
        var assignment = faker.ResourceAssignment(engagement, resource, line);
        var entry = faker.TimeEntry(engagement, assignment, line, TimeEntryStatus.Approved);
        return CanonicalJson.Serialize(entry);
    }
}
