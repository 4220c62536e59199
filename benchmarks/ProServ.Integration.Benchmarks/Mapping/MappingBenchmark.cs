using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Benchmarks.Mapping;

/// <summary>
/// From the UTF-8 bytes of a ~1 KB Salesforce Opportunity to a canonical <see cref="Opportunity"/> (whose reader enforces the model's
/// invariants): (a) hand-written Utf8JsonReader code, the baseline; (b) the compiled salesforce-opportunity reference mapping;
/// (c) a naive interpreter walking the same mapping document over a JsonNode tree per record. Setup checks that all three give the same record.
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmark
{
    private const string Tenant = "brightpath-consulting";

    private static readonly RuleSet<Opportunity> ReadinessRules = BuiltInRuleSets.ProjectReadiness();

    private readonly MappingContext _context = new(Tenant);
    private int _violations;
    private CompiledMapping _compiled = null!;
    private NaiveMappingInterpreter _naive = null!;
    private byte[] _utf8 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Encoding.UTF8.GetBytes(SalesforceOpportunityPayload.Json);
        _compiled = MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceOpportunity);
        _naive = new NaiveMappingInterpreter(Encoding.UTF8.GetString(ReferenceMappings.GetFile(ReferenceMappings.SalesforceOpportunity).Utf8Json.Span));

        var expected = CanonicalJson.Serialize(HandWritten());
        foreach (var (name, record) in new[] { ("compiled", Compiled()), ("naive", NaiveInterpreter()) })
        {
            var actual = CanonicalJson.Serialize(record);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The {name} mapping differs from the hand-written one:\n{actual}\n{expected}");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "(a) hand-written Utf8JsonReader")]
    public Opportunity HandWritten() => Accept(HandWrittenOpportunityMapper.Map(_utf8, Tenant));

    [Benchmark(Description = "(b) compiled mapping + rules")]
    public Opportunity Compiled()
    {
        using var document = JsonDocument.Parse(_utf8);
        var result = _compiled.Map<Opportunity>(document.RootElement, _context);
        return Accept(result.Value ?? throw new InvalidOperationException(string.Join("; ", result.Errors)));
    }

    [Benchmark(Description = "(c) naive JsonNode interpreter")]
    public Opportunity NaiveInterpreter() => Accept(_naive.Map(_utf8, Tenant));

    /// <summary>What every approach does with its record after mapping: the project-readiness rule set (all rules run, every violation collected).</summary>
    private Opportunity Accept(Opportunity record)
    {
        var pending = ReadinessRules.EvaluateAsync(record);
        var result = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        _violations += result.Violations.Count;
        return record;
    }
}
