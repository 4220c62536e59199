using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Schemas.Validation;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Cli.Tests.Map;

public sealed class MapCommandTests : IDisposable
{
    private const string Opportunity = """
        {
          "Id": "0065g00000XyZAbAAN",
          "AccountId": "0015g00000AbCdEAAZ",
          "Name": "Globex ERP rollout",
          "StageName": "Closed Won",
          "Amount": 125000.0,
          "CurrencyIsoCode": "USD",
          "CloseDate": "2026-03-31",
          "Probability": 100.0,
          "OwnerId": "0055g00000OwNeRAAA"
        }
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Map_ReferenceMappingAndValidRecord_PrintsSchemaValidCanonicalJsonAndExits0()
    {
        string input = _temp.Write("opportunity.json", Opportunity);

        CliRun run = await CliRun.RunAsync("map", "--mapping", "salesforce-opportunity", "--tenant", "acme-consulting", input);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        using var output = JsonDocument.Parse(run.Stdout);
        Assert.Equal("acme-consulting", output.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("closed-won", output.RootElement.GetProperty("stage").GetString());
        Assert.Equal("125000.00", output.RootElement.GetProperty("amount").GetProperty("amount").GetString());
        JsonSchema schema = SchemaCatalog.Default.Get(new SchemaReference("opportunity", 1)).Schema;
        Assert.True(schema.Validate(output.RootElement).IsValid);
    }

    [Fact]
    public async Task Map_RecordWithErrors_PrintsEachCodeAndPointerAndExits1()
    {
        string input = _temp.Write("bad.json", Opportunity.Replace("Closed Won", "Verbal Commit", StringComparison.Ordinal).Replace("125000.0", "\"lots\"", StringComparison.Ordinal));

        CliRun run = await CliRun.RunAsync("map", "-m", "salesforce-opportunity", input);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{input}: 2 mapping error(s)", run.StdoutLines[0]);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("  mapping.unmapped-value at '/StageName': ", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("  mapping.conversion-failed at '/Amount': ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Map_JsonFormatWithErrors_PrintsOneObjectWithCodesAndPaths()
    {
        CliRun run = await CliRun.RunWithInputAsync(Opportunity.Replace("Closed Won", "Verbal Commit", StringComparison.Ordinal), "map", "-m", "salesforce-opportunity", "--format", "json", "-");

        Assert.Equal(1, run.ExitCode);
        using var output = JsonDocument.Parse(run.Stdout);
        Assert.Equal("<stdin>", output.RootElement.GetProperty("file").GetString());
        var error = Assert.Single(output.RootElement.GetProperty("errors").EnumerateArray().ToArray());
        Assert.Equal("mapping.unmapped-value", error.GetProperty("code").GetString());
        Assert.Equal("/StageName", error.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Map_OutboundReferenceMapping_PrintsNetSuiteRecord()
    {
        string invoice = Path.Combine(RepositoryLayout.SamplesFolder, "invoice.v1", "bp-de-2026-000318.json");

        CliRun run = await CliRun.RunAsync("map", "-m", "netsuite-invoice-outbound", invoice);

        Assert.Equal(0, run.ExitCode);
        using var output = JsonDocument.Parse(run.Stdout);
        Assert.Equal("019611b2-6f30-7e41-8c52-6f7a8b9c0d1e", output.RootElement.GetProperty("externalId").GetString());
        Assert.Equal(5, output.RootElement.GetProperty("item").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Map_CrossReferencesFile_ResolvesLookups()
    {
        const string canonical = "0194c2a7-3b10-7c41-9a55-1f0e2d3c4b5a";
        string references = _temp.Write("xrefs.json", $$"""[ { "recordType": "client", "system": "salesforce", "externalId": "0015g00000AbCdEAAZ", "canonicalId": "{{canonical}}" } ]""");
        string input = _temp.Write("opportunity.json", Opportunity);

        CliRun run = await CliRun.RunAsync("map", "-m", "salesforce-opportunity", "--cross-references", references, input);

        Assert.Equal(0, run.ExitCode);
        using var output = JsonDocument.Parse(run.Stdout);
        Assert.Equal(canonical, output.RootElement.GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task Map_MappingFileWithProblems_PrintsEachProblemWithFileAndLineAndExits2()
    {
        string mapping = _temp.Write("bad.mapping.json", """
            {
              "id": "bad",
              "version": "1.0.0",
              "direction": "inbound",
              "source": "salesforce:Opportunity",
              "target": "opportunity@1",
              "rules": [
                { "target": "/name", "path": "/Name", "convert": "weeks" }
              ]
            }
            """);
        string input = _temp.Write("opportunity.json", Opportunity);

        CliRun run = await CliRun.RunAsync("map", "-m", mapping, input);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains(run.StderrLines, l => l.StartsWith($"proserv: {mapping}(8,", StringComparison.Ordinal) && l.Contains("mapping.unknown-conversion", StringComparison.Ordinal));
        Assert.Contains(run.StderrLines, l => l.Contains("mapping.required-unmapped", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hubspot-deal", "not a reference mapping")]
    [InlineData("missing.mapping.json", "not a reference mapping")]
    public async Task Map_UnknownMapping_ReportsInputErrorAndExits2(string mapping, string message)
    {
        string input = _temp.Write("opportunity.json", Opportunity);

        CliRun run = await CliRun.RunAsync("map", "-m", mapping, input);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"proserv: {mapping}: {message}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_MalformedInput_ReportsLineAndByteAndExits2()
    {
        CliRun run = await CliRun.RunWithInputAsync("{\"Id\":", "map", "-m", "salesforce-opportunity", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("proserv: <stdin>: malformed JSON at line 1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_InvalidTenant_IsAUsageError()
    {
        CliRun run = await CliRun.RunAsync("map", "-m", "salesforce-opportunity", "--tenant", "Acme Consulting", "x.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a tenant id", run.Stderr, StringComparison.Ordinal);
    }
}
