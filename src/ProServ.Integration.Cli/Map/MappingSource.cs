using System.Text.Json;
using ProServ.Integration.Mapping;

namespace ProServ.Integration.Cli.Map;

/// <summary>Loads the mapping a <c>map</c> command names (a reference id or a file, with overlays) and the cross-references it may need.</summary>
internal static class MappingSource
{
    /// <summary>Loads a mapping: <paramref name="mapping"/> is a reference id when <see cref="ReferenceMappings.Ids"/> has it, otherwise a file path.</summary>
    /// <returns>The mapping, or <see langword="null"/> after writing every problem to standard error.</returns>
    public static CompiledMapping? Load(CliConsole console, string mapping, IReadOnlyList<string> overlays, string? baseFolder = null)
    {
        try
        {
            var overlayFiles = overlays.Select(o => MappingFile.FromPath(Resolve(o, baseFolder))).ToArray();
            if (ReferenceMappings.Ids.Contains(mapping, StringComparer.Ordinal))
            {
                return MappingLoader.Default.LoadReference(mapping, overlayFiles);
            }

            var path = Resolve(mapping, baseFolder);
            if (!File.Exists(path))
            {
                console.WriteError($"{mapping}: not a reference mapping ({string.Join(", ", ReferenceMappings.Ids)}) and no such file");
                return null;
            }

            return MappingLoader.Default.Load(MappingFile.FromPath(path), overlayFiles);
        }
        catch (MappingLoadException exception)
        {
            foreach (var problem in exception.Problems)
            {
                console.WriteError(problem.ToString());
            }

            return null;
        }
        catch (IOException exception)
        {
            console.WriteError(exception.Message);
            return null;
        }
        catch (UnauthorizedAccessException exception)
        {
            console.WriteError(exception.Message);
            return null;
        }
    }

    /// <summary>Reads cross-references: a JSON array of <c>{"recordType", "system", "externalId", "canonicalId"}</c>.</summary>
    /// <returns>The resolver, or <see langword="null"/> after writing the problem to standard error.</returns>
    public static InMemoryCrossReferenceResolver? ReadCrossReferences(CliConsole console, JsonElement entries, string tenant, string where)
    {
        var resolver = new InMemoryCrossReferenceResolver();
        if (entries.ValueKind != JsonValueKind.Array)
        {
            console.WriteError($"{where}: cross-references must be a JSON array of {{\"recordType\", \"system\", \"externalId\", \"canonicalId\"}}");
            return null;
        }

        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object
                || Text(entry, "recordType") is not { } recordType || Text(entry, "system") is not { } system
                || Text(entry, "externalId") is not { } externalId || !Guid.TryParse(Text(entry, "canonicalId"), out var canonicalId))
            {
                console.WriteError($"{where}: cross-reference /{index} needs recordType, system, externalId and a UUID canonicalId");
                return null;
            }

            resolver.Add(tenant, recordType, system, externalId, canonicalId);
            index++;
        }

        return resolver;
    }

    public static string Resolve(string path, string? baseFolder) =>
        baseFolder is null || Path.IsPathRooted(path) ? path : Path.Combine(baseFolder, path);

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
