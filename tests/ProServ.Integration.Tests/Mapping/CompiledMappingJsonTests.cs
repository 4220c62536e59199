using System.Text;
using System.Text.Json;
using ProServ.Integration.Mapping;
using ProServ.Integration.Model;
using ProServ.Integration.Serialization;
using static ProServ.Integration.Tests.Mapping.MappingTestData;

namespace ProServ.Integration.Tests.Mapping;

public sealed class CompiledMappingJsonTests
{
    private static readonly CompiledMapping OpportunityMapping = MappingLoader.Default.LoadReference(ReferenceMappings.SalesforceOpportunity);

    [Fact]
    public async Task MapToJsonAsync_InboundRecord_EqualsTheTypedRecordWrittenAsCanonicalJson()
    {
        var source = Encoding.UTF8.GetBytes(Opportunity(stage: "Closed Won"));

        var json = await OpportunityMapping.MapToJsonAsync(source, Context());
        var typed = await OpportunityMapping.MapAsync<Opportunity>(source, Context());

        Assert.True(json.IsSuccess, string.Join("; ", json.Errors));
        Assert.Equal(CanonicalJson.Serialize(typed.Value!), json.Value!.ToJsonString());
        Assert.Equal("0065g00000XyZAbAAN", json.Lineage.SourceId);
    }

    [Fact]
    public async Task MapToJsonAsync_MalformedSource_ReportsMalformedSource()
    {
        var result = await OpportunityMapping.MapToJsonAsync(Encoding.UTF8.GetBytes("{\"Id\":"), Context());

        Assert.Equal(MappingErrorCodes.MalformedSource, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Map_ManyThreadsAtOnce_GiveTheSameRecordsAsOneThread()
    {
        var payloads = new SalesforcePayloads(seed: 7);
        var sources = Enumerable.Range(0, 400).Select(_ => payloads.Opportunity(payloads.SalesforceId("001")).ToJsonString()).ToArray();
        var expected = sources.Select(s => CanonicalJson.Serialize(OpportunityMapping.Map<Opportunity>(Parse(s), Context()).Value!)).ToArray();

        var actual = new string[sources.Length];
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = worker; i < sources.Length; i += 4)
            {
                using var document = JsonDocument.Parse(sources[i]);
                actual[i] = CanonicalJson.Serialize(OpportunityMapping.Map<Opportunity>(document.RootElement, Context()).Value!);
            }
        })));

        Assert.Equal(expected, actual);
    }
}
