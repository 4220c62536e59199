using System.Text;
using System.Text.Json;

namespace ProServ.Integration.Cli.Tests.Validate;

public sealed class JsonLinesTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _schema;

    public JsonLinesTests() => _schema = _temp.WriteHoursSchema();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Jsonl_MalformedLine_IsInvalidInstanceAndProcessingContinues()
    {
        string file = _temp.Write("entries.jsonl", "{\"hours\":1}\n\n{\"hours\": oops}\n   \n{\"hours\":30}\n{\"hours\":2}\n");

        CliRun run = await CliRun.RunAsync("validate", "--jsonl", "--format", "json", "--schema-file", _schema, file);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stderr);
        var results = run.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([1L, 3L, 5L, 6L], results.Select(r => r.GetProperty("line").GetInt64()));
        Assert.All(results, r => Assert.Equal(file, r.GetProperty("file").GetString()));
        Assert.Equal([true, false, false, true], results.Select(r => r.GetProperty("valid").GetBoolean()));
        Assert.Contains(results[1].GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "json.malformed");
        JsonElement maximum = Assert.Single(results[2].GetProperty("errors").EnumerateArray());
        Assert.Equal("schema.maximum", maximum.GetProperty("code").GetString());
        Assert.Equal("/hours", maximum.GetProperty("instanceLocation").GetString());
    }

    [Fact]
    public async Task Jsonl_TextFormat_PrefixesLineNumbers()
    {
        string file = _temp.Write("entries.jsonl", "{\"hours\":1}\r\n{\"hours\":99}\r\n");

        CliRun run = await CliRun.RunAsync("validate", "--jsonl", "--schema-file", _schema, file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{file}:1: valid", run.StdoutLines[0]);
        Assert.Equal($"{file}:2: invalid", run.StdoutLines[1]);
        Assert.StartsWith("  /hours: ", run.StdoutLines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_AllValid_Exits0()
    {
        string file = _temp.Write("entries.jsonl", "{\"hours\":1}\n{\"hours\":2}");

        CliRun run = await CliRun.RunAsync("validate", "--jsonl", "-q", "--schema-file", _schema, file);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Jsonl_StandardInput_ReportsLinesOfStdin()
    {
        CliRun run = await CliRun.RunWithInputAsync("{\"hours\":1}\n{\"hours\":25}\n", "validate", "--jsonl", "--quiet", "--schema-file", _schema, "-");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("<stdin>:2: invalid", run.StdoutLines[0]);
    }

    [Fact]
    public async Task Jsonl_MissingFile_Exits2()
    {
        string missing = _temp.File("missing.jsonl");

        CliRun run = await CliRun.RunAsync("validate", "--jsonl", "--schema-file", _schema, missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"proserv: {missing}: file not found"], run.StderrLines);
    }

    [Fact]
    public async Task Jsonl_LongLine_GrowsTheBuffer()
    {
        string longText = new('x', 100_000);
        string file = _temp.Write("long.jsonl", "{\"hours\":1,\"note\":\"" + longText + "\"}\n{\"hours\":\"é" + longText + "\"}\n{\"hours\":3}\n");

        CliRun run = await CliRun.RunAsync("validate", "--jsonl", "--format", "json", "--schema-file", _schema, file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([true, false, true], run.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("valid").GetBoolean()));
    }

    [Fact]
    public async Task Jsonl_FileOf200000Lines_ValidatesEveryLineWithCorrectNumbers()
    {
        const int LineCount = 200_000;
        string file = _temp.File("large.jsonl");
        await using (var writer = new StreamWriter(file, append: false, new UTF8Encoding(false)))
        {
            for (int line = 1; line <= LineCount; line++)
            {
                // Every 40 000th line breaks the maximum of 24; the others hold 0..24.
                await writer.WriteLineAsync(LineGeneratingReader.Hours(line % 40_000 == 0 ? 99 : line % 25));
            }
        }

        CliRun run = await CliRun.RunAsync("validate", "--jsonl", "--schema-file", _schema, file);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stderr);
        string[] lines = run.StdoutLines;
        int valid = 0;
        var invalidLines = new List<string>();
        foreach (string line in lines)
        {
            if (line.EndsWith(": valid", StringComparison.Ordinal))
            {
                valid++;
            }
            else if (line.EndsWith(": invalid", StringComparison.Ordinal))
            {
                invalidLines.Add(line);
            }
        }

        Assert.Equal(LineCount - 5, valid);
        Assert.Equal(
            [$"{file}:40000: invalid", $"{file}:80000: invalid", $"{file}:120000: invalid", $"{file}:160000: invalid", $"{file}:200000: invalid"],
            invalidLines);
        Assert.Equal($"{file}:1: valid", lines[0]);
    }

    [Fact]
    public async Task Jsonl_GeneratedStandardInput_StreamsResultsBeforeTheInputEnds()
    {
        const int LineCount = 200_000;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new LineGeneratingReader(LineCount, line => LineGeneratingReader.Hours(line == 123_456 ? 25 : 1), stdout);

        int exitCode = await ProservApp.RunAsync(
            ["validate", "--jsonl", "--format", "json", "--schema-file", _schema, "-"], stdin, stdout, stderr, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Equal(LineCount, stdin.LinesRead);
        // Results of earlier lines were already printed when the last line was read: nothing waits for the whole input.
        Assert.True(stdin.OutputLengthWhenLastLineWasRead > 0);
        string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(LineCount, lines.Length);
        using var invalid = JsonDocument.Parse(lines[123_455]);
        Assert.Equal(123_456, invalid.RootElement.GetProperty("line").GetInt64());
        Assert.False(invalid.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("<stdin>", invalid.RootElement.GetProperty("file").GetString());
    }
}
