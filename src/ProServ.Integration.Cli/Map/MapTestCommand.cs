using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProServ.Integration.Mapping;

namespace ProServ.Integration.Cli.Map;

/// <summary>Creates <c>proserv map test</c>: maps each <c>&lt;name&gt;.input.json</c> of a folder and compares it with <c>&lt;name&gt;.expected.json</c>.</summary>
/// <remarks>The folder's <c>map-test.json</c> names the mapping (a reference id or a path relative to the folder), overlays, the tenant and
/// cross-references; <c>--mapping</c> overrides its mapping. An expected file holding <c>{"$errors": [{"code", "path"}]}</c> expects those errors.</remarks>
internal static class MapTestCommand
{
    /// <summary>The settings file of a fixture folder.</summary>
    public const string SettingsFile = "map-test.json";

    /// <summary>The property of an expected file that lists expected errors instead of a record.</summary>
    public const string ErrorsProperty = "$errors";

    private const string InputSuffix = ".input.json";
    private const string ExpectedSuffix = ".expected.json";

    public static Command Create(CliConsole console, Option<string> tenant)
    {
        var mapping = new Option<string?>("--mapping", "-m")
        {
            Description = $"A reference mapping id or mapping file for every fixture; overrides the mapping named in the folder's {SettingsFile}.",
        };
        var folder = new Argument<string>("folder")
        {
            Description = $"A folder of fixture pairs <name>{InputSuffix} + <name>{ExpectedSuffix}, with a {SettingsFile} naming the mapping.",
        };
        var command = new Command(
            "test",
            $"Map every <name>{InputSuffix} of a folder and compare the result with <name>{ExpectedSuffix}; print each difference at its JSON Pointer. " +
            "Exits 0 when every fixture matches, 1 when any differs, 2 on a usage or input error.")
        {
            mapping, folder,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
            await RunAsync(console, parseResult.GetRequiredValue(folder), parseResult.GetValue(mapping), parseResult.GetValue(tenant), cancellationToken).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string folder, string? mappingOverride, string? tenantOption, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            console.WriteError($"{folder}: folder not found");
            return ExitCodes.UsageOrInputError;
        }

        var settingsPath = Path.Combine(folder, SettingsFile);
        string? mappingName = mappingOverride;
        var overlays = new List<string>();
        var tenantId = tenantOption ?? MapCommand.DefaultTenant;
        JsonElement? references = null;
        JsonDocument? settings = null;
        try
        {
            if (File.Exists(settingsPath))
            {
                settings = await MapCommand.ReadJsonAsync(console, settingsPath, cancellationToken).ConfigureAwait(false);
                if (settings is null)
                {
                    return ExitCodes.UsageOrInputError;
                }

                var root = settings.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    console.WriteError($"{settingsPath}: must be a JSON object with \"mapping\"");
                    return ExitCodes.UsageOrInputError;
                }

                if (mappingName is null && root.TryGetProperty("mapping", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    mappingName = m.GetString();
                }

                if (root.TryGetProperty("overlays", out var o) && o.ValueKind == JsonValueKind.Array)
                {
                    overlays.AddRange(o.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                }

                if (tenantOption == MapCommand.DefaultTenant && root.TryGetProperty("tenant", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    tenantId = t.GetString()!;
                }

                if (root.TryGetProperty("crossReferences", out var r))
                {
                    references = r;
                }
            }

            if (mappingName is null)
            {
                console.WriteError($"{folder}: no mapping: add {SettingsFile} with {{\"mapping\": \"<reference id or file>\"}} or pass --mapping");
                return ExitCodes.UsageOrInputError;
            }

            var compiled = MappingSource.Load(console, mappingName, overlays, mappingOverride is null ? folder : null);
            if (compiled is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            InMemoryCrossReferenceResolver? resolver = null;
            if (references is { } entries && (resolver = MappingSource.ReadCrossReferences(console, entries, tenantId, settingsPath)) is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            return await RunFixturesAsync(console, folder, compiled, new MappingContext(tenantId, resolver), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            settings?.Dispose();
        }
    }

    private static async Task<int> RunFixturesAsync(CliConsole console, string folder, CompiledMapping mapping, MappingContext context, CancellationToken cancellationToken)
    {
        var inputs = Directory.GetFiles(folder, "*" + InputSuffix).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        if (inputs.Length == 0)
        {
            console.WriteError($"{folder}: no fixtures (<name>{InputSuffix} + <name>{ExpectedSuffix})");
            return ExitCodes.UsageOrInputError;
        }

        int passed = 0, failed = 0, inputErrors = 0;
        foreach (var input in inputs)
        {
            var name = Path.GetFileName(input)[..^InputSuffix.Length];
            var expectedPath = Path.Combine(folder, name + ExpectedSuffix);
            var bytes = await MapCommand.ReadBytesAsync(console, input, cancellationToken).ConfigureAwait(false);
            using var expected = File.Exists(expectedPath) ? await MapCommand.ReadJsonAsync(console, expectedPath, cancellationToken).ConfigureAwait(false) : null;
            if (bytes is null || expected is null)
            {
                if (bytes is not null && !File.Exists(expectedPath))
                {
                    console.WriteError($"{expectedPath}: file not found");
                }

                inputErrors++;
                continue;
            }

            var result = await mapping.MapToJsonAsync(bytes, context, cancellationToken).ConfigureAwait(false);
            using var actual = JsonDocument.Parse(Actual(result).ToJsonString());
            var differences = JsonDiff.Compare(expected.RootElement, actual.RootElement);
            if (differences.Count == 0)
            {
                passed++;
                await console.Out.WriteLineAsync($"{name}: ok").ConfigureAwait(false);
                continue;
            }

            failed++;
            await console.Out.WriteLineAsync($"{name}: {differences.Count} difference(s)").ConfigureAwait(false);
            foreach (var (path, description) in differences)
            {
                await console.Out.WriteLineAsync($"  {(path.Length == 0 ? "(root)" : path)}: {description}").ConfigureAwait(false);
            }
        }

        await console.Out.WriteLineAsync($"{passed} passed, {failed} failed{(inputErrors > 0 ? $", {inputErrors} not run" : string.Empty)} ({mapping.Id} {mapping.Version})").ConfigureAwait(false);
        return inputErrors > 0 ? ExitCodes.UsageOrInputError : failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    /// <summary>The mapped record, or <c>{"$errors": [{"code", "path"}]}</c> (messages left out: they may be reworded).</summary>
    private static JsonObject Actual(MappingResult<JsonObject> result)
    {
        if (result.IsSuccess)
        {
            return result.Value!;
        }

        var errors = new JsonArray();
        foreach (var error in result.Errors)
        {
            errors.Add(new JsonObject { ["code"] = error.Code, ["path"] = error.Path });
        }

        return new JsonObject { [ErrorsProperty] = errors };
    }
}
