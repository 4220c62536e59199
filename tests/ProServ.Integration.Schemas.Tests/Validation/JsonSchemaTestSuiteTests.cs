using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ProServ.Integration.Schemas.Validation;
using Xunit.Abstractions;

namespace ProServ.Integration.Schemas.Tests.Validation;

/// <summary>Runs the official JSON Schema Test Suite (draft 2020-12) against our validator.</summary>
public sealed class JsonSchemaTestSuiteTests
{
    private const string EnvironmentVariable = "PROSERV_JSON_SCHEMA_TEST_SUITE";

    private static readonly string[] MustPassFiles =
    [
        "type", "properties", "required", "additionalProperties", "enum", "const", "pattern", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "items", "prefixItems", "minItems",
        "maxItems", "uniqueItems", "allOf", "anyOf", "oneOf", "not", "if-then-else", "ref", "refRemote", "defs", "format",
        "optional/format/date", "optional/format/date-time", "optional/format/uuid", "optional/format/email", "optional/format/uri",
    ];

    private readonly ITestOutputHelper _output;

    public JsonSchemaTestSuiteTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Draft202012_OfficialSuite_MeetsConformanceBar()
    {
        var repoRoot = FindRepoRoot();
        var suiteRoot = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } overridden
            ? overridden
            : Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "json-schema-test-suite"));
        var testsRoot = Path.Combine(suiteRoot, "tests", "draft2020-12");
        Assert.True(Directory.Exists(testsRoot), $"The JSON Schema Test Suite was not found at '{testsRoot}' (set {EnvironmentVariable} to its root).");

        var registry = BuildRegistry(Path.Combine(suiteRoot, "remotes"));
        var groups = new[]
        {
            new SuiteGroup("required", Directory.GetFiles(testsRoot, "*.json"), AssertFormat: false),
            new SuiteGroup("optional", Directory.GetFiles(Path.Combine(testsRoot, "optional"), "*.json"), AssertFormat: false),
            new SuiteGroup("optional/format", Directory.GetFiles(Path.Combine(testsRoot, "optional", "format"), "*.json"), AssertFormat: true),
        };

        var report = new StringBuilder();
        var failures = new List<string>();
        var perFile = new Dictionary<string, (int Passed, int Failed)>(StringComparer.Ordinal);
        var summary = new Dictionary<string, (int Passed, int Failed)>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var passed = 0;
            var failed = 0;
            foreach (var file in group.Files.Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(testsRoot, file).Replace('\\', '/')[..^".json".Length];
                var (p, f) = RunFile(file, name, registry, group.AssertFormat, failures);
                perFile[name] = (p, f);
                passed += p;
                failed += f;
            }

            summary[group.Name] = (passed, failed);
            var line = string.Create(CultureInfo.InvariantCulture, $"JSON Schema Test Suite draft2020-12 {group.Name} — {passed} passed, {failed} failed ({100.0 * passed / Math.Max(1, passed + failed):0.0}%)");
            report.AppendLine(line);
        }

        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Failing cases ({failures.Count}):"));
        foreach (var failure in failures)
        {
            report.AppendLine("  " + failure);
        }

        var text = report.ToString();
        _output.WriteLine(text);
        var outputDirectory = Path.Combine(repoRoot, "artifacts", "conformance");
        Directory.CreateDirectory(outputDirectory);
        File.WriteAllText(Path.Combine(outputDirectory, "draft2020-12.txt"), text);

        var (requiredPassed, requiredFailed) = summary["required"];
        Assert.True(requiredPassed >= 0.98 * (requiredPassed + requiredFailed), "Required conformance is below 98%:\n" + text);
        foreach (var mustPass in MustPassFiles)
        {
            Assert.True(perFile.TryGetValue(mustPass, out var counts), $"Suite file '{mustPass}' was not run.");
            Assert.True(counts.Failed == 0, $"Suite file '{mustPass}' must pass fully but {counts.Failed} tests failed:\n{text}");
        }
    }

    internal static JsonSchemaRegistry BuildRegistry(string remotesRoot)
    {
        var registry = new JsonSchemaRegistry();
        foreach (var file in Directory.GetFiles(remotesRoot, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(remotesRoot, file).Replace('\\', '/');
            registry.Add(new Uri("http://localhost:1234/" + relative), File.ReadAllText(file));
        }

        return registry;
    }

    internal static string FindRepoRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ProServ.Integration.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the folder holding ProServ.Integration.sln above " + AppContext.BaseDirectory + ".");
    }

    private static (int Passed, int Failed) RunFile(string file, string name, JsonSchemaRegistry registry, bool assertFormat, List<string> failures)
    {
        var passed = 0;
        var failed = 0;
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        foreach (var testCase in document.RootElement.EnumerateArray())
        {
            var caseDescription = testCase.GetProperty("description").GetString();
            JsonSchema? schema = null;
            string? compileError = null;
            try
            {
                schema = JsonSchema.Parse(testCase.GetProperty("schema").GetRawText(), new JsonSchemaOptions { Registry = registry, AssertFormat = assertFormat });
            }
            catch (JsonSchemaException ex)
            {
                compileError = ex.Message;
            }

            foreach (var test in testCase.GetProperty("tests").EnumerateArray())
            {
                var expected = test.GetProperty("valid").GetBoolean();
                var description = test.GetProperty("description").GetString();
                string? problem;
                if (schema is null)
                {
                    problem = "schema did not compile: " + compileError;
                }
                else
                {
                    try
                    {
                        var data = Encoding.UTF8.GetBytes(test.GetProperty("data").GetRawText());
                        var result = schema.Validate(data);
                        problem = result.IsValid == expected ? null : $"expected {(expected ? "valid" : "invalid")}" + (result.IsValid ? string.Empty : ": " + result.Errors[0].Message);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        problem = "threw " + ex.GetType().Name + ": " + ex.Message;
                    }
                }

                if (problem is null)
                {
                    passed++;
                }
                else
                {
                    failed++;
                    failures.Add($"{name} / {caseDescription} / {description} ({problem})");
                }
            }
        }

        return (passed, failed);
    }

    private sealed record SuiteGroup(string Name, string[] Files, bool AssertFormat);
}
