using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Cli.Tests.Map;

public sealed class MapTestCommandTests : IDisposable
{
    private const string Settings = """{ "mapping": "salesforce-opportunity", "tenant": "brightpath-consulting" }""";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> SampleFolders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(RepositoryLayout.Root, "samples", "mappings")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFolders))]
    public async Task MapTest_ShippedSampleFolder_EveryFixtureMatches(string folder)
    {
        CliRun run = await CliRun.RunAsync("map", "test", Path.Combine(RepositoryLayout.Root, "samples", "mappings", folder));

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Matches(@"^\d+ passed, 0 failed ", run.StdoutLines[^1]);
    }

    [Fact]
    public async Task MapTest_ChangedExpectation_ReportsEachDifferenceByPointerAndExits1()
    {
        CopySample("closed-won");
        string expected = _temp.File("closed-won.expected.json");
        File.WriteAllText(expected, File.ReadAllText(expected)
            .Replace("\"closed-won\"", "\"negotiation\"", StringComparison.Ordinal)
            .Replace("\"184500.00\"", "\"184500.01\"", StringComparison.Ordinal)
            .Replace("\"owner\"", "\"ownerName\"", StringComparison.Ordinal));
        _temp.Write("map-test.json", Settings);

        CliRun run = await CliRun.RunAsync("map", "test", _temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("closed-won: 4 difference(s)", run.StdoutLines[0]);
        Assert.Contains("  /stage: expected \"negotiation\", actual \"closed-won\"", run.StdoutLines, StringComparer.Ordinal);
        Assert.Contains("  /amount/amount: expected \"184500.01\", actual \"184500.00\"", run.StdoutLines, StringComparer.Ordinal);
        Assert.Contains("  /ownerName: missing: expected \"0055g00000MokfRAAR\"", run.StdoutLines, StringComparer.Ordinal);
        Assert.Contains("  /owner: unexpected: \"0055g00000MokfRAAR\"", run.StdoutLines, StringComparer.Ordinal);
        Assert.Equal("0 passed, 1 failed (salesforce-opportunity 1.0.0)", run.StdoutLines[^1]);
    }

    [Fact]
    public async Task MapTest_ExpectedErrorsThatDoNotOccur_ReportsTheRecordAsDifference()
    {
        CopySample("closed-won");
        _temp.Write("closed-won.expected.json", """{ "$errors": [ { "code": "mapping.unmapped-value", "path": "/StageName" } ] }""");
        _temp.Write("map-test.json", Settings);

        CliRun run = await CliRun.RunAsync("map", "test", _temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("  /$errors: missing: expected [ { \"code\": \"mapping.unmapped-value\", \"path\": \"/StageName\" } ]", run.StdoutLines, StringComparer.Ordinal);
    }

    [Fact]
    public async Task MapTest_NumbersCompareByValue_SoTrailingZerosMatch()
    {
        CopySample("closed-won");
        string expected = _temp.File("closed-won.expected.json");
        File.WriteAllText(expected, File.ReadAllText(expected).Replace("\"probability\": 100", "\"probability\": 100.0", StringComparison.Ordinal));
        _temp.Write("map-test.json", Settings);

        CliRun run = await CliRun.RunAsync("map", "test", _temp.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("closed-won: ok", run.StdoutLines[0]);
    }

    [Fact]
    public async Task MapTest_MappingOption_OverridesTheFolderAndWithoutSettingsIsRequired()
    {
        CopySample("closed-won");

        CliRun without = await CliRun.RunAsync("map", "test", _temp.Path);
        CliRun with = await CliRun.RunAsync("map", "test", "--mapping", "salesforce-opportunity", "--tenant", "brightpath-consulting", _temp.Path);

        Assert.Equal(2, without.ExitCode);
        Assert.Contains("no mapping", without.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, with.ExitCode);
    }

    [Fact]
    public async Task MapTest_InputWithoutExpectedFile_IsAnInputErrorAndExits2()
    {
        CopySample("closed-won");
        File.Delete(_temp.File("closed-won.expected.json"));
        _temp.Write("map-test.json", Settings);

        CliRun run = await CliRun.RunAsync("map", "test", _temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("closed-won.expected.json: file not found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapTest_MissingFolder_Exits2()
    {
        CliRun run = await CliRun.RunAsync("map", "test", _temp.File("nowhere"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("folder not found", run.Stderr, StringComparison.Ordinal);
    }

    private void CopySample(string name)
    {
        string folder = Path.Combine(RepositoryLayout.Root, "samples", "mappings", "salesforce-opportunity");
        File.Copy(Path.Combine(folder, name + ".input.json"), _temp.File(name + ".input.json"));
        File.Copy(Path.Combine(folder, name + ".expected.json"), _temp.File(name + ".expected.json"));
    }
}
