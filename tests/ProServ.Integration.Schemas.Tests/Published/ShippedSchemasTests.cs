using ProServ.Integration.TestUtils;
using System.Security.Cryptography;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Schemas.Tests.Published;

/// <summary>Enforces docs/schemas.md rule 1: a shipped schema file never changes. <c>schemas/shipped.sha256</c> lists the SHA-256
/// of every file (sha256sum format); editing a file, or adding one without listing it, fails here.</summary>
public sealed class ShippedSchemasTests
{
    private static string ManifestPath => Path.Combine(RepositoryLayout.SchemasFolder, "shipped.sha256");

    [Fact]
    public void SchemaFiles_EveryFile_MatchesShippedHash()
    {
        var manifest = ReadManifest();
        var problems = new List<string>();
        foreach (var path in SchemaFiles())
        {
            var name = Path.GetFileName(path);
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            if (!manifest.TryGetValue(name, out var expected))
            {
                problems.Add($"{name} is not listed in schemas/shipped.sha256 (a new file is added to it in the release that ships it).");
            }
            else if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                problems.Add($"{name} was edited after it shipped (sha256 {actual}, shipped {expected}); a change to a published contract is a new major file.");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void ShippedManifest_EveryListedFile_Exists()
    {
        var files = SchemaFiles().Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.All(ReadManifest().Keys, name => Assert.Contains(name, files));
    }

    [Fact]
    public void ShippedManifest_Lines_FollowSha256sumFormat()
    {
        foreach (var line in File.ReadAllLines(ManifestPath).Where(l => l.Length > 0))
        {
            Assert.Matches("^[0-9a-f]{64}  [a-z0-9-]+\\.v[1-9][0-9]*\\.schema\\.json$", line);
        }
    }

    [Fact]
    public void EmbeddedResources_EverySchemaFile_SameBytesAsOnDisk()
    {
        var files = SchemaFiles().ToDictionary(p => Path.GetFileName(p), File.ReadAllBytes, StringComparer.Ordinal);
        var assembly = typeof(SchemaCatalog).Assembly;
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("ProServ.Integration.Schemas.", StringComparison.Ordinal) && n.EndsWith(".schema.json", StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), resources.Select(r => r["ProServ.Integration.Schemas.".Length..]).Order(StringComparer.Ordinal));
        foreach (var resource in resources)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            Assert.True(buffer.ToArray().AsSpan().SequenceEqual(files[resource["ProServ.Integration.Schemas.".Length..]]), $"{resource} differs from the file on disk.");
        }
    }

    private static string[] SchemaFiles() => Directory.GetFiles(RepositoryLayout.SchemasFolder, "*.schema.json");

    private static Dictionary<string, string> ReadManifest()
    {
        var manifest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(ManifestPath).Where(l => l.Length > 0))
        {
            var separator = line.IndexOf("  ", StringComparison.Ordinal);
            Assert.True(separator == 64, $"'{line}' is not '<sha256 hex>  <file name>'.");
            Assert.True(manifest.TryAdd(line[(separator + 2)..], line[..separator]), $"'{line}' lists a file twice.");
        }

        return manifest;
    }
}
