namespace ProServ.Integration.Mapping;

/// <summary>Names a mapping document's UTF-8 JSON text for the loader: a base mapping or an overlay.</summary>
/// <param name="Name">The name problems are reported with, usually the file path.</param>
/// <param name="Utf8Json">The document's UTF-8 JSON text.</param>
public sealed record MappingFile(string Name, ReadOnlyMemory<byte> Utf8Json)
{
    /// <summary>Reads a mapping document from a file.</summary>
    /// <param name="path">The file's path; also the name problems are reported with.</param>
    /// <returns>The document.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static MappingFile FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new MappingFile(path, File.ReadAllBytes(path));
    }
}
