using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProServ.Integration.Cli.Output;
using ProServ.Integration.Mapping;

namespace ProServ.Integration.Cli.Map;

/// <summary>Creates <c>proserv map</c>: maps one JSON record with a mapping and prints the result, and <c>proserv map test</c>.</summary>
internal static class MapCommand
{
    /// <summary>The tenant a record is mapped for when none is given.</summary>
    public const string DefaultTenant = "proserv-cli";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var mapping = new Option<string>("--mapping", "-m")
        {
            Description = "A reference mapping id (for example salesforce-opportunity) or the path of a mapping document.",
            Required = true,
        };
        var overlays = new Option<string[]>("--overlay")
        {
            Description = "An overlay document applied to the mapping; repeat for several, applied in order.",
            AllowMultipleArgumentsPerToken = false,
        };
        var tenant = CreateTenantOption();
        var crossReferences = new Option<string?>("--cross-references")
        {
            Description = "A JSON file: an array of {\"recordType\", \"system\", \"externalId\", \"canonicalId\"} that lookups resolve against.",
        };
        var format = CliOptions.CreateFormat("(errors as one JSON object)");
        var input = new Argument<string>("input")
        {
            Description = "The source record, a JSON file; '-' reads standard input.",
        };
        var command = new Command(
            "map",
            "Map one JSON record with a mapping and print the result as JSON: the canonical record (inbound) or the vendor record (outbound). " +
            "Exits 0 when it maps, 1 when the record has mapping errors (each printed with its code and JSON Pointer), 2 on a usage or input error " +
            "(unknown mapping, mapping load problems, missing file, malformed JSON).")
        {
            mapping, overlays, tenant, crossReferences, format, input,
        };
        command.Subcommands.Add(MapTestCommand.Create(console, tenant));
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var tenantId = parseResult.GetRequiredValue(tenant);
            var compiled = MappingSource.Load(console, parseResult.GetRequiredValue(mapping), parseResult.GetValue(overlays) ?? []);
            if (compiled is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            InMemoryCrossReferenceResolver? resolver = null;
            if (parseResult.GetValue(crossReferences) is { } referencesPath)
            {
                if (await ReadJsonAsync(console, referencesPath, cancellationToken).ConfigureAwait(false) is not { } references)
                {
                    return ExitCodes.UsageOrInputError;
                }

                using (references)
                {
                    resolver = MappingSource.ReadCrossReferences(console, references.RootElement, tenantId, referencesPath);
                }

                if (resolver is null)
                {
                    return ExitCodes.UsageOrInputError;
                }
            }

            var name = parseResult.GetRequiredValue(input);
            var bytes = await ReadBytesAsync(console, name, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return ExitCodes.UsageOrInputError;
            }

            try
            {
                using var check = JsonDocument.Parse(bytes);
            }
            catch (JsonException exception)
            {
                console.WriteError($"{Display(name)}: malformed JSON at line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}");
                return ExitCodes.UsageOrInputError;
            }

            var result = await compiled.MapToJsonAsync(bytes, new MappingContext(tenantId, resolver), cancellationToken).ConfigureAwait(false);
            var json = CliOptions.GetFormat(parseResult, format) == OutputFormat.Json;
            if (result.IsSuccess)
            {
                await console.Out.WriteLineAsync(result.Value!.ToJsonString(Indented)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (json)
            {
                await console.Out.WriteLineAsync(ErrorsAsJson(Display(name), result.Errors).ToJsonString()).ConfigureAwait(false);
            }
            else
            {
                await console.Out.WriteLineAsync($"{Display(name)}: {result.Errors.Count} mapping error(s)").ConfigureAwait(false);
                foreach (var error in result.Errors)
                {
                    await console.Out.WriteLineAsync($"  {error.Code} at '{error.Path}': {error.Message}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Failure;
        });
        return command;
    }

    public static Option<string> CreateTenantOption()
    {
        var tenant = new Option<string>("--tenant", "-t")
        {
            Description = $"The tenant records are mapped for (it names derived ids). The default value is {DefaultTenant}.",
            DefaultValueFactory = _ => DefaultTenant,
            Recursive = true,
        };
        tenant.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is null || !IsTenantId(value))
            {
                result.AddError($"'{value}' is not a tenant id: lowercase letters, digits and hyphens, 1 to 63 characters, starting with a letter or digit.");
            }
        });
        return tenant;
    }

    public static JsonObject ErrorsAsJson(string file, IReadOnlyList<MappingError> errors)
    {
        var array = new JsonArray();
        foreach (var error in errors)
        {
            array.Add(new JsonObject { ["code"] = error.Code, ["path"] = error.Path, ["message"] = error.Message });
        }

        return new JsonObject { ["file"] = file, ["errors"] = array };
    }

    public static async Task<byte[]?> ReadBytesAsync(CliConsole console, string name, CancellationToken cancellationToken)
    {
        try
        {
            if (name == "-")
            {
                var text = await console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                return System.Text.Encoding.UTF8.GetBytes(text);
            }

            if (Directory.Exists(name))
            {
                console.WriteError($"{name}: is a directory, not a file");
                return null;
            }

            if (!File.Exists(name))
            {
                console.WriteError($"{name}: file not found");
                return null;
            }

            return await File.ReadAllBytesAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            console.WriteError($"{name}: {exception.Message}");
            return null;
        }
        catch (UnauthorizedAccessException exception)
        {
            console.WriteError($"{name}: {exception.Message}");
            return null;
        }
    }

    public static async Task<JsonDocument?> ReadJsonAsync(CliConsole console, string path, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(console, path, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            console.WriteError($"{path}: malformed JSON at line {(exception.LineNumber ?? 0) + 1}, byte {(exception.BytePositionInLine ?? 0) + 1}");
            return null;
        }
    }

    private static string Display(string name) => name == "-" ? "<stdin>" : name;

    private static bool IsTenantId(string value) =>
        value.Length is >= 1 and <= 63 && (char.IsAsciiLetterLower(value[0]) || char.IsAsciiDigit(value[0]))
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
