using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ProServ.Integration.Mapping.Internal;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Benchmarks.Mapping;

/// <summary>Where the compiled mapping's time goes: parsing the source, the rule delegates (producers), writing canonical JSON, reading it back
/// into the record, and the two derived ids every approach computes. Reaches the compiled rules through reflection (benchmark only).</summary>
[MemoryDiagnoser]
public class MappingCostBreakdown
{
    private byte[] _utf8 = null!;
    private byte[] _canonical = null!;

    private ProServ.Integration.Mapping.CompiledMapping _mapping = null!;
    private CompiledRules _rules = null!;
    private JsonDocument _document = null!;
    private readonly ProServ.Integration.Mapping.MappingContext _context = new("brightpath-consulting");

    [GlobalSetup]
    public void Setup()
    {
        _mapping = ProServ.Integration.Mapping.MappingLoader.Default.LoadReference(ProServ.Integration.Mapping.ReferenceMappings.SalesforceOpportunity);
        _rules = (CompiledRules)typeof(ProServ.Integration.Mapping.CompiledMapping).GetField("_rules", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(_mapping)!;
        _document = JsonDocument.Parse(Encoding.UTF8.GetBytes(SalesforceOpportunityPayload.Json));
        _utf8 = Encoding.UTF8.GetBytes(SalesforceOpportunityPayload.Json);
        _canonical = CanonicalJson.SerializeToUtf8Bytes(HandWrittenOpportunityMapper.Map(_utf8, "brightpath-consulting"));
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse")]
    public int Parse()
    {
        using var document = JsonDocument.Parse(_utf8);
        return document.RootElement.GetArrayLengthOrZero();
    }

    [Benchmark(Description = "producers")]
    public int Producers()
    {
        var run = new MappingRun(_context, "salesforce");
        var values = new MappedValue[_rules.Producers.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MappingCompiler.Produce(_rules.Producers[i], _document.RootElement, string.Empty, run);
        }

        return values.Length;
    }

    [Benchmark(Description = "producers+write")]
    public int ProducersAndWrite()
    {
        var run = new MappingRun(_context, "salesforce");
        var values = new MappedValue[_rules.Producers.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MappingCompiler.Produce(_rules.Producers[i], _document.RootElement, string.Empty, run);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            RecordWriter.WriteFields(writer, _rules.Fields, values, string.Empty, run);
            writer.WriteEndObject();
        }

        return buffer.WrittenCount;
    }

    [Benchmark(Description = "producers+write+read")]
    public Opportunity ProducersWriteRead()
    {
        var run = new MappingRun(_context, "salesforce");
        var values = new MappedValue[_rules.Producers.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MappingCompiler.Produce(_rules.Producers[i], _document.RootElement, string.Empty, run);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("tenantId"u8, "brightpath-consulting");
            RecordWriter.WriteFields(writer, _rules.Fields, values, string.Empty, run);
            writer.WriteEndObject();
        }

        return CanonicalJson.Deserialize<Opportunity>(buffer.WrittenSpan);
    }

    [Benchmark(Description = "Map<Opportunity> on parsed element")]
    public Opportunity MapParsed() => _mapping.Map<Opportunity>(_document.RootElement, _context).Value!;

    [Benchmark(Description = "DerivedId x2")]
    public Guid Derive() => DerivedId.Create("brightpath-consulting", "opportunity", "salesforce", "0065g00000HlvWdAAJ") == Guid.Empty ? Guid.Empty : DerivedId.Create("brightpath-consulting", "client", "salesforce", "0015g00000HalvRsAAF");

    [Benchmark(Description = "CanonicalJson.Deserialize<Opportunity>")]
    public Opportunity Read() => CanonicalJson.Deserialize<Opportunity>(_canonical);
}

internal static class JsonElementExtensions
{
    public static int GetArrayLengthOrZero(this JsonElement element) => element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : 0;
}
