using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ProServ.Integration.Schemas.Validation;
using NJsonSchemaDocument = NJsonSchema.JsonSchema;

namespace ProServ.Integration.Benchmarks.Validation;

/// <summary>
/// Validates a ~1 KB time entry (valid and invalid) with our draft 2020-12 validator and with NJsonSchema 10.7.2 (the baseline).
/// Both parse the instance from the same text on every call.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonSchemaValidationBenchmark
{
    private JsonSchema _ours = null!;
    private NJsonSchemaDocument _njsonSchema = null!;
    private byte[] _validUtf8 = null!;
    private byte[] _invalidUtf8 = null!;
    private string _validText = null!;
    private string _invalidText = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ours = JsonSchema.Parse(TimeEntryDocuments.Schema);
        _njsonSchema = NJsonSchemaDocument.FromJsonAsync(TimeEntryDocuments.Schema).GetAwaiter().GetResult();
        _validText = TimeEntryDocuments.Valid;
        _invalidText = TimeEntryDocuments.Invalid;
        _validUtf8 = Encoding.UTF8.GetBytes(_validText);
        _invalidUtf8 = Encoding.UTF8.GetBytes(_invalidText);

        // Guard the comparison: both validators must agree on the outcome, or the numbers mean nothing.
        if (!_ours.Validate(_validUtf8).IsValid || _njsonSchema.Validate(_validText).Count != 0 ||
            _ours.Validate(_invalidUtf8).IsValid || _njsonSchema.Validate(_invalidText).Count == 0)
        {
            throw new InvalidOperationException("The validators disagree on the benchmark documents.");
        }
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
}
