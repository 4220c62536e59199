using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Cli.Tests.SchemaCommands;

public sealed class SchemaDiffCommandTests : IDisposable
{
    private const string Optional = """
        { "type": "object", "properties": { "hours": { "type": "number" }, "note": { "type": "string" } } }
        """;

    private const string Required = """
        { "type": "object", "required": ["hours", "note"], "properties": { "hours": { "type": "number" }, "note": { "type": "string" } } }
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Diff_IdenticalFiles_ReportsFullAndExits0()
    {
        string a = _temp.Write("a.schema.json", Optional);
        string b = _temp.Write("b.schema.json", Optional);

        CliRun run = await CliRun.RunAsync("schemas", "diff", a, b);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["no changes", "compatibility: full (not breaking)"], run.StdoutLines);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Diff_NewRequiredProperty_ReportsBreakingChangeAndExits1()
    {
        string previous = _temp.Write("v1.schema.json", Optional);
        string next = _temp.Write("v2.schema.json", Required);

        CliRun run = await CliRun.RunAsync("schemas", "diff", previous, next);

        Assert.Equal(1, run.ExitCode);
        string[] lines = run.StdoutLines;
        Assert.True(lines.Length >= 2);
        // Each change: two flag characters (B = breaks backward, F = breaks forward, '-' otherwise), the location, the description.
        Assert.All(lines[..^1], line => Assert.Matches("^[B-][F-] \\S+  .+$", line));
        Assert.Contains(lines[..^1], line => line[0] == 'B');
        Assert.StartsWith("compatibility: ", lines[^1], StringComparison.Ordinal);
        Assert.EndsWith(" (breaking)", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Json_PrintsLevelBreakingAndChanges()
    {
        string previous = _temp.Write("v1.schema.json", Optional);
        string next = _temp.Write("v2.schema.json", Required);

        CliRun run = await CliRun.RunAsync("schemas", "diff", "--format", "json", previous, next);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        JsonElement root = document.RootElement;
        Assert.Equal(previous, root.GetProperty("previous").GetString());
        Assert.Equal(next, root.GetProperty("next").GetString());
        Assert.True(root.GetProperty("breaking").GetBoolean());
        Assert.Contains(root.GetProperty("level").GetString(), (string[])["none", "forward"], StringComparer.Ordinal);
        JsonElement[] changes = [.. root.GetProperty("changes").EnumerateArray()];
        Assert.NotEmpty(changes);
        Assert.Contains(changes, change => change.GetProperty("breaksBackward").GetBoolean());
        Assert.All(changes, change =>
        {
            Assert.Equal(JsonValueKind.String, change.GetProperty("kind").ValueKind);
            Assert.Equal(JsonValueKind.String, change.GetProperty("location").ValueKind);
            Assert.Equal(JsonValueKind.String, change.GetProperty("description").ValueKind);
            Assert.True(change.GetProperty("breaksForward").ValueKind is JsonValueKind.True or JsonValueKind.False);
        });
    }

    [Fact]
    public async Task Diff_SameCatalogSchemaTwice_Exits0()
    {
        foreach (SchemaDescriptor schema in SchemaCatalog.Default.Schemas)
        {
            CliRun run = await CliRun.RunAsync("schemas", "diff", schema.Reference.ToString(), schema.Reference.ToString());

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("compatibility: full (not breaking)", run.StdoutLines[^1]);
        }
    }

    [Fact]
    public async Task Diff_CatalogSchemaAgainstItsFile_Exits0()
    {
        foreach (SchemaDescriptor schema in SchemaCatalog.Default.Schemas)
        {
            string file = _temp.File(schema.FileName);
            await File.WriteAllBytesAsync(file, schema.Utf8Json.ToArray());

            CliRun run = await CliRun.RunAsync("schemas", "diff", schema.Reference.ToString(), file);

            Assert.Equal(0, run.ExitCode);
        }
    }

    [Fact]
    public async Task Diff_UnknownSchema_Exits2()
    {
        string b = _temp.Write("b.schema.json", Optional);

        CliRun run = await CliRun.RunAsync("schemas", "diff", "nothing@1", b);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["proserv: unknown schema 'nothing@1'; run 'proserv schemas list'"], run.StderrLines);
    }

    [Fact]
    public async Task Diff_MissingFile_Exits2WithOneLine()
    {
        string a = _temp.Write("a.schema.json", Optional);
        string missing = _temp.File("missing.schema.json");

        CliRun run = await CliRun.RunAsync("schemas", "diff", a, missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"proserv: {missing}: file not found"], run.StderrLines);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("{ \"type\": ", "malformed JSON at line 1, byte 11")]
    [InlineData("[1]", "invalid JSON Schema")]
    public async Task Diff_BrokenFile_Exits2WithOneLine(string content, string expected)
    {
        string a = _temp.Write("a.schema.json", Optional);
        string broken = _temp.Write("broken.schema.json", content);

        CliRun run = await CliRun.RunAsync("schemas", "diff", broken, a);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"proserv: {broken}: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
