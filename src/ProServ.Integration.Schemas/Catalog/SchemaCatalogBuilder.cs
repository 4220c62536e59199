using System.Text;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Catalog;

/// <summary>Builds a <see cref="SchemaCatalog"/> from schema documents, for tests and for hosts that publish schemas of their own.</summary>
/// <remarks>
/// <para>Not thread-safe; the catalog it builds is immutable and thread-safe.</para>
/// <para>Each document is named by its file name <c>name.v{major}.schema.json</c> and must be a JSON object with an absolute <c>$id</c>
/// whose last path segment starts with <c>name.v{major}</c> and a string <c>title</c>. Names, majors and <c>$id</c>s are unique.
/// A schema name maps by convention to the PascalCase type of the same name in <c>ProServ.Integration.Model</c>
/// (<c>time-entry</c> → <c>TimeEntry</c>), or in <c>ProServ.Integration.Events</c> (<c>business-event</c> → <c>BusinessEvent</c>); <see cref="MapClrType"/> overrides the convention.</para>
/// </remarks>
public sealed class SchemaCatalogBuilder
{
    private readonly List<(string FileName, ReadOnlyMemory<byte> Utf8Json)> _documents = [];
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    /// <summary>Adds a schema document.</summary>
    /// <param name="fileName">The file name, for example <c>time-entry.v1.schema.json</c>.</param>
    /// <param name="utf8Json">The document as UTF-8 bytes; the bytes are copied.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is <see langword="null"/>.</exception>
    public SchemaCatalogBuilder Add(string fileName, ReadOnlyMemory<byte> utf8Json)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        _documents.Add((fileName, utf8Json.ToArray()));
        return this;
    }

    /// <summary>Adds a schema document given as text.</summary>
    /// <param name="fileName">The file name, for example <c>time-entry.v1.schema.json</c>.</param>
    /// <param name="json">The document.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> or <paramref name="json"/> is <see langword="null"/>.</exception>
    public SchemaCatalogBuilder Add(string fileName, string json)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(json);
        _documents.Add((fileName, Encoding.UTF8.GetBytes(json)));
        return this;
    }

    /// <summary>Maps a schema name to the CLR type it describes, overriding the naming convention.</summary>
    /// <param name="name">The kebab-case schema name.</param>
    /// <param name="clrType">The CLR type.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a kebab-case schema name.</exception>
    public SchemaCatalogBuilder MapClrType(string name, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(clrType);
        if (!SchemaNaming.IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a kebab-case schema name.", nameof(name));
        }

        _types[name] = clrType;
        return this;
    }

    /// <summary>Validates every document once and builds the catalog.</summary>
    /// <returns>The immutable catalog.</returns>
    /// <exception cref="SchemaCatalogException">A document is invalid or two collide; the exception lists every problem.</exception>
    public SchemaCatalog Build()
    {
        var problems = new List<string>();
        var entries = new List<SchemaCatalogEntry>();
        var references = new HashSet<SchemaReference>();
        var ids = new Dictionary<Uri, string>();
        var fileNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (fileName, utf8Json) in _documents)
        {
            if (!fileNames.Add(fileName))
            {
                problems.Add($"{fileName}: the file is added more than once.");
                continue;
            }

            if (!SchemaNaming.TryParseFileName(fileName, out var reference))
            {
                problems.Add($"{fileName}: the file name does not follow '<kebab-name>.v<major>.schema.json' (major 1 or greater, no leading zero).");
                continue;
            }

            // File names are unique and map one-to-one to references, so references are unique too.
            references.Add(reference);

            if (!TryReadHeader(fileName, reference, utf8Json, problems, out var id, out var title))
            {
                continue;
            }

            if (ids.TryGetValue(id, out var other))
            {
                problems.Add($"{fileName}: $id '{id}' is also the $id of {other}.");
                continue;
            }

            ids.Add(id, fileName);
            entries.Add(new SchemaCatalogEntry(reference, id, title, fileName, ResolveType(reference.Name), utf8Json));
        }

        foreach (var name in _types.Keys)
        {
            if (!references.Any(r => string.Equals(r.Name, name, StringComparison.Ordinal)))
            {
                problems.Add($"MapClrType: no schema is named '{name}'.");
            }
        }

        if (problems.Count > 0)
        {
            throw new SchemaCatalogException(problems);
        }

        return new SchemaCatalog(entries);
    }

    private static bool TryReadHeader(string fileName, SchemaReference reference, ReadOnlyMemory<byte> utf8Json, List<string> problems, out Uri id, out string title)
    {
        id = null!;
        title = null!;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            problems.Add($"{fileName}: the document is not valid JSON ({ex.Message}).");
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{fileName}: the document is not a JSON object.");
                return false;
            }

            var ok = true;
            if (!root.TryGetProperty("$id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
            {
                problems.Add($"{fileName}: the document has no string $id.");
                ok = false;
            }
            else if (!Uri.TryCreate(idElement.GetString(), UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment))
            {
                problems.Add($"{fileName}: $id '{idElement.GetString()}' is not an absolute URI without fragment.");
                ok = false;
            }
            else if (!IdNames(uri, reference))
            {
                problems.Add($"{fileName}: $id '{uri}' does not end with '{reference.Name}.v{reference.Major}' (optionally followed by '.schema.json').");
                ok = false;
            }
            else
            {
                id = uri;
            }

            if (!root.TryGetProperty("title", out var titleElement) || titleElement.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(titleElement.GetString()))
            {
                problems.Add($"{fileName}: the document has no non-empty string title.");
                ok = false;
            }
            else
            {
                title = titleElement.GetString()!;
            }

            return ok;
        }
    }

    private static bool IdNames(Uri id, SchemaReference reference)
    {
        var path = id.AbsolutePath;
        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        var stem = $"{reference.Name}.v{reference.Major}";
        return string.Equals(lastSegment, stem, StringComparison.Ordinal)
            || string.Equals(lastSegment, stem + ".json", StringComparison.Ordinal)
            || string.Equals(lastSegment, stem + SchemaNaming.FileSuffix, StringComparison.Ordinal);
    }

    private Type? ResolveType(string name)
    {
        if (_types.TryGetValue(name, out var mapped))
        {
            return mapped;
        }

        return SchemaNaming.CanonicalTypes.GetValueOrDefault(name);
    }
}
