using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Cli.Tests.Validate;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _schema;

    public ValidateCommandTests() => _schema = _temp.WriteHoursSchema();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Validate_ValidFiles_PrintsValidAndExits0()
    {
        string a = _temp.Write("a.json", """{ "hours": 7.5 }""");
        string b = _temp.Write("b.json", """{ "hours": 24 }""");

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", _schema, a, b);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"{a}: valid", $"{b}: valid"], run.StdoutLines);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Validate_InvalidFile_PrintsIndentedErrorsAndExits1()
    {
        string ok = _temp.Write("ok.json", """{ "hours": 1 }""");
        string bad = _temp.Write("bad.json", """{ "hours": 30 }""");

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", _schema, ok, bad);

        Assert.Equal(1, run.ExitCode);
        string[] lines = run.StdoutLines;
        Assert.Equal($"{ok}: valid", lines[0]);
        Assert.Equal($"{bad}: invalid", lines[1]);
        Assert.StartsWith("  /hours: ", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("(/properties/hours/maximum)", lines[2], StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Validate_RootError_PrintsRootLocation()
    {
        string bad = _temp.Write("bad.json", "{}");

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", _schema, bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.StdoutLines, line => line.StartsWith("  (root): ", StringComparison.Ordinal) && line.EndsWith("(/required)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_Quiet_PrintsOnlyFailures()
    {
        string ok = _temp.Write("ok.json", """{ "hours": 1 }""");
        string bad = _temp.Write("bad.json", """{ "hours": 30 }""");

        CliRun run = await CliRun.RunAsync("validate", "-q", "--schema-file", _schema, ok, bad);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(run.StdoutLines, line => line.Contains("valid", StringComparison.Ordinal) && line.StartsWith(ok, StringComparison.Ordinal));
        Assert.Equal($"{bad}: invalid", run.StdoutLines[0]);
    }

    [Fact]
    public async Task Validate_QuietAndAllValid_PrintsNothing()
    {
        string ok = _temp.Write("ok.json", """{ "hours": 1 }""");

        CliRun run = await CliRun.RunAsync("validate", "--quiet", "--schema-file", _schema, ok);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Validate_FirstError_ReportsOneErrorWhereAllErrorsReportsMore()
    {
        string schema = _temp.Write("two.schema.json", """
            {
              "type": "object",
              "required": ["a", "b"],
              "properties": { "a": { "type": "string" }, "b": { "type": "string" } }
            }
            """);
        string bad = _temp.Write("bad.json", """{ "a": 1, "b": 2 }""");

        CliRun all = await CliRun.RunAsync("validate", "--format", "json", "--all-errors", "--schema-file", schema, bad);
        CliRun first = await CliRun.RunAsync("validate", "--format", "json", "--first-error", "--schema-file", schema, bad);
        CliRun byDefault = await CliRun.RunAsync("validate", "--format", "json", "--schema-file", schema, bad);

        Assert.Equal(1, all.ExitCode);
        Assert.Equal(1, first.ExitCode);
        Assert.Equal(2, ErrorCount(all.Stdout));
        Assert.Equal(1, ErrorCount(first.Stdout));
        Assert.Equal(all.Stdout, byDefault.Stdout);

        static int ErrorCount(string output)
        {
            using var document = JsonDocument.Parse(output);
            return document.RootElement.GetProperty("errors").GetArrayLength();
        }
    }

    [Fact]
    public async Task Validate_FormatJson_PrintsOneParseableObjectPerDocument()
    {
        string ok = _temp.Write("ok.json", """{ "hours": 1 }""");
        string bad = _temp.Write("bad.json", """{ "hours": 30 }""");

        CliRun run = await CliRun.RunAsync("validate", "--format", "json", "--schema-file", _schema, ok, bad);

        Assert.Equal(1, run.ExitCode);
        string[] lines = run.StdoutLines;
        Assert.Equal(2, lines.Length);
        using (var valid = JsonDocument.Parse(lines[0]))
        {
            JsonElement root = valid.RootElement;
            Assert.Equal(ok, root.GetProperty("file").GetString());
            Assert.True(root.GetProperty("valid").GetBoolean());
            Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
            Assert.False(root.TryGetProperty("line", out _));
        }

        using (var invalid = JsonDocument.Parse(lines[1]))
        {
            JsonElement root = invalid.RootElement;
            Assert.Equal(bad, root.GetProperty("file").GetString());
            Assert.False(root.GetProperty("valid").GetBoolean());
            JsonElement error = Assert.Single(root.GetProperty("errors").EnumerateArray());
            Assert.Equal("schema.maximum", error.GetProperty("code").GetString());
            Assert.Equal("/hours", error.GetProperty("instanceLocation").GetString());
            Assert.Equal("/properties/hours/maximum", error.GetProperty("keywordLocation").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public async Task Validate_StandardInput_ReadsDashAsStdin()
    {
        CliRun valid = await CliRun.RunWithInputAsync("""{ "hours": 2 }""", "validate", "--schema-file", _schema, "-");
        CliRun invalid = await CliRun.RunWithInputAsync("""{ "hours": 25 }""", "validate", "--schema-file", _schema, "-");

        Assert.Equal(0, valid.ExitCode);
        Assert.Equal("<stdin>: valid", valid.Stdout.Trim());
        Assert.Equal(1, invalid.ExitCode);
        Assert.Equal("<stdin>: invalid", invalid.StdoutLines[0]);
    }

    [Fact]
    public async Task Validate_ByteOrderMark_IsIgnored()
    {
        string path = _temp.File("bom.json");
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. """{ "hours": 3 }"""u8.ToArray()]);

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", _schema, path);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Validate_MissingFile_Exits2WithOneLineAndStillValidatesTheOthers()
    {
        string ok = _temp.Write("ok.json", """{ "hours": 1 }""");
        string missing = _temp.File("missing.json");

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", _schema, missing, ok);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"proserv: {missing}: file not found"], run.StderrLines);
        Assert.Equal([$"{ok}: valid"], run.StdoutLines);
    }

    [Fact]
    public async Task Validate_Directory_Exits2WithOneLine()
    {
        CliRun run = await CliRun.RunAsync("validate", "--schema-file", _schema, _temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StderrLines);
        Assert.StartsWith($"proserv: {_temp.Path}: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MalformedDocument_Exits2WithLineAndByte()
    {
        string malformed = _temp.Write("malformed.json", "{\n  \"hours\": 1,\n  oops\n}");

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", _schema, malformed);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"proserv: {malformed}: malformed JSON at line 3, byte 3"], run.StderrLines);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Validate_MalformedStandardInput_Exits2()
    {
        CliRun run = await CliRun.RunWithInputAsync("{\"hours\":", "validate", "--schema-file", _schema, "-");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("proserv: <stdin>: malformed JSON at line 1, byte ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_EmptyFile_IsMalformed()
    {
        string empty = _temp.Write("empty.json", string.Empty);

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", _schema, empty);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"proserv: {empty}: malformed JSON at line 1, byte 1"], run.StderrLines);
    }

    [Fact]
    public async Task Validate_InvalidAndMissing_InputErrorWinsWithExit2()
    {
        string bad = _temp.Write("bad.json", """{ "hours": 30 }""");

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", _schema, bad, _temp.File("nope.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{bad}: invalid", run.StdoutLines[0]);
    }

    [Fact]
    public async Task Validate_MissingSchemaFile_Exits2WithOneLine()
    {
        string ok = _temp.Write("ok.json", """{ "hours": 1 }""");
        string missing = _temp.File("missing.schema.json");

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", missing, ok);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"proserv: {missing}: file not found"], run.StderrLines);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("""{ "type": 5 }""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""{ "type": """)]
    public async Task Validate_InvalidSchemaFile_Exits2WithOneLine(string schemaJson)
    {
        string schema = _temp.Write("broken.schema.json", schemaJson);
        string ok = _temp.Write("ok.json", "{}");

        CliRun run = await CliRun.RunAsync("validate", "--schema-file", schema, ok);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.StartsWith($"proserv: {schema}: ", line, StringComparison.Ordinal);
        Assert.True(
            line.Contains("invalid JSON Schema", StringComparison.Ordinal) || line.Contains("malformed JSON", StringComparison.Ordinal),
            line);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("no-such-schema@1")]
    [InlineData("no-such-schema")]
    public async Task Validate_UnknownSchema_Exits2WithHint(string reference)
    {
        string ok = _temp.Write("ok.json", "{}");

        CliRun run = await CliRun.RunAsync("validate", "--schema", reference, ok);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"proserv: unknown schema '{reference}'; run 'proserv schemas list'"], run.StderrLines);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Validate_MalformedSchemaReference_Exits2()
    {
        CliRun run = await CliRun.RunAsync("validate", "--schema", "time-entry@one", _temp.Write("ok.json", "{}"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("proserv: invalid schema reference 'time-entry@one'", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_SchemaFileReferencingCatalogSchema_AgreesWithCatalogSchema()
    {
        foreach (SchemaDescriptor descriptor in SchemaCatalog.Default.Schemas)
        {
            string wrapper = _temp.Write("wrapper.schema.json", $$"""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$ref": "{{descriptor.Id.OriginalString}}"
                }
                """);
            foreach (string instance in new[] { "{}", "42" })
            {
                string path = _temp.Write("instance.json", instance);

                CliRun viaCatalog = await CliRun.RunAsync("validate", "--schema", descriptor.Reference.ToString(), path);
                CliRun viaRef = await CliRun.RunAsync("validate", "--schema-file", wrapper, path);

                Assert.Equal(string.Empty, viaRef.Stderr);
                Assert.NotEqual(2, viaCatalog.ExitCode);
                Assert.Equal(viaCatalog.ExitCode, viaRef.ExitCode);
            }
        }
    }

    [Fact]
    public async Task Validate_CatalogSchemaByBareName_UsesLatestMajor()
    {
        foreach (SchemaDescriptor descriptor in SchemaCatalog.Default.Schemas)
        {
            SchemaDescriptor latest = SchemaCatalog.Default.GetLatest(descriptor.Reference.Name);
            string path = _temp.Write("instance.json", "{}");

            CliRun byName = await CliRun.RunAsync("validate", "--format", "json", "--schema", descriptor.Reference.Name, path);
            CliRun byLatest = await CliRun.RunAsync("validate", "--format", "json", "--schema", latest.Reference.ToString(), path);

            Assert.Equal(byLatest.ExitCode, byName.ExitCode);
            Assert.Equal(byLatest.Stdout, byName.Stdout);
        }
    }
}
