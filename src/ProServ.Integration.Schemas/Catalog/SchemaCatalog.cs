using ProServ.Integration.Serialization;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Schemas.Catalog;

/// <summary>Lists the published JSON Schemas embedded in this package and finds them by name, version or CLR type.</summary>
/// <remarks>Immutable and thread-safe. Schemas are compiled on first use and cached. Build a catalog of other documents
/// with <see cref="SchemaCatalogBuilder"/>.</remarks>
public sealed class SchemaCatalog
{
    private static readonly Lazy<SchemaCatalog> DefaultCatalog = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<SchemaReference, SchemaDescriptor> _byReference;
    private readonly FrozenDictionary<string, SchemaDescriptor> _latestByName;
    private readonly FrozenDictionary<Type, SchemaDescriptor> _latestByType;
    private readonly Lazy<JsonSchemaRegistry> _compileRegistry;

    internal SchemaCatalog(IEnumerable<SchemaCatalogEntry> entries)
    {
        _compileRegistry = new Lazy<JsonSchemaRegistry>(CreateRegistry, LazyThreadSafetyMode.ExecutionAndPublication);
        Schemas = entries
            .OrderBy(e => e.Reference.Name, StringComparer.Ordinal)
            .ThenBy(e => e.Reference.Major)
            .Select(e => new SchemaDescriptor(e.Reference, e.Id, e.Title, e.FileName, e.ClrType, e.Utf8Json, () => _compileRegistry.Value))
            .ToArray();
        _byReference = Schemas.ToFrozenDictionary(d => d.Reference);
        _latestByName = Schemas
            .GroupBy(d => d.Reference.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.MaxBy(d => d.Reference.Major)!, StringComparer.Ordinal);
        _latestByType = _latestByName.Values
            .Where(d => d.ClrType is not null)
            .GroupBy(d => d.ClrType!)
            .ToFrozenDictionary(g => g.Key, g => g.MaxBy(d => d.Reference.Major)!);
    }

    /// <summary>Gets the catalog of the schemas embedded in this package.</summary>
    /// <remarks>Loaded on first use: every embedded resource named <c>ProServ.Integration.Schemas.&lt;name&gt;.v&lt;major&gt;.schema.json</c> is read once.</remarks>
    /// <exception cref="SchemaCatalogException">An embedded document breaks the catalog rules (a packaging fault).</exception>
    public static SchemaCatalog Default => DefaultCatalog.Value;

    /// <summary>Gets every schema, ordered by name then major version.</summary>
    public IReadOnlyList<SchemaDescriptor> Schemas { get; }

    /// <summary>Gets a new registry holding every catalog schema, for compiling other schemas that <c>$ref</c> ours.</summary>
    /// <remarks>Each access returns a new registry, so documents a caller adds never leak into the catalog or other callers.</remarks>
    /// <exception cref="JsonSchemaException">A catalog document cannot be added to a registry.</exception>
    public JsonSchemaRegistry Registry => CreateRegistry();

    /// <summary>Gets a schema by name and major version.</summary>
    /// <param name="reference">The name and major version.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="KeyNotFoundException">No such schema.</exception>
    public SchemaDescriptor Get(SchemaReference reference) =>
        TryGet(reference, out var descriptor)
            ? descriptor
            : throw new KeyNotFoundException($"The schema catalog has no schema {reference}; it has {Describe()}.");

    /// <summary>Tries to get a schema by name and major version.</summary>
    /// <param name="reference">The name and major version.</param>
    /// <param name="descriptor">The schema, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(SchemaReference reference, [NotNullWhen(true)] out SchemaDescriptor? descriptor)
    {
        if (reference.Name is null)
        {
            descriptor = null;
            return false;
        }

        return _byReference.TryGetValue(reference, out descriptor);
    }

    /// <summary>Gets the highest major version of a schema.</summary>
    /// <param name="name">The kebab-case name.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No such schema.</exception>
    public SchemaDescriptor GetLatest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _latestByName.TryGetValue(name, out var descriptor)
            ? descriptor
            : throw new KeyNotFoundException($"The schema catalog has no schema named '{name}'; it has {Describe()}.");
    }

    /// <summary>Gets the highest major version of the schema that describes a canonical model type.</summary>
    /// <param name="clrType">A canonical model type, for example <c>typeof(TimeEntry)</c>.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="clrType"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The type has no schema.</exception>
    public SchemaDescriptor GetFor(Type clrType)
    {
        ArgumentNullException.ThrowIfNull(clrType);
        if (_latestByType.TryGetValue(clrType, out var descriptor))
        {
            return descriptor;
        }

        var described = _latestByType.Count == 0
            ? "no schema of this catalog describes a CLR type"
            : "schemas describe " + string.Join(", ", _latestByType.Keys.Select(t => t.FullName).Order(StringComparer.Ordinal));
        throw new KeyNotFoundException(
            $"No schema describes CLR type '{clrType.FullName}' (expected a schema named '{CanonicalSchemaIds.GetSchemaName(clrType)}' for one of CanonicalSchemaIds.RecordTypes); {described}.");
    }

    private static SchemaCatalog LoadEmbedded()
    {
        var assembly = typeof(SchemaCatalog).Assembly;
        var builder = new SchemaCatalogBuilder();
        foreach (var resourceName in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!resourceName.StartsWith(SchemaNaming.ResourcePrefix, StringComparison.Ordinal)
                || !resourceName.EndsWith(SchemaNaming.FileSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resourceName)
                ?? throw new SchemaCatalogException([$"{resourceName}: the embedded resource cannot be opened."]);
            using var buffer = new MemoryStream(checked((int)stream.Length));
            stream.CopyTo(buffer);
            builder.Add(resourceName[SchemaNaming.ResourcePrefix.Length..], buffer.ToArray());
        }

        return builder.Build();
    }

    private JsonSchemaRegistry CreateRegistry()
    {
        var registry = new JsonSchemaRegistry();
        foreach (var descriptor in Schemas)
        {
            registry.Add(Encoding.UTF8.GetString(descriptor.Utf8Json.Span));
        }

        return registry;
    }

    private string Describe() =>
        Schemas.Count == 0 ? "no schemas" : string.Join(", ", Schemas.Select(d => d.Reference.ToString()));
}
