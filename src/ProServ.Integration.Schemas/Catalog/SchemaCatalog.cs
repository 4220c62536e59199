using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Schemas.Catalog;

/// <summary>Lists the published JSON Schemas embedded in this package and finds them by name, version or CLR type.</summary>
/// <remarks>Thread-safe. Schemas are compiled on first use and cached.</remarks>
public sealed class SchemaCatalog
{
    private SchemaCatalog()
    {
    }

    /// <summary>Gets the catalog of the schemas embedded in this package.</summary>
    public static SchemaCatalog Default => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets every schema, ordered by name then major version.</summary>
    public IReadOnlyList<SchemaDescriptor> Schemas => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets a registry holding every catalog schema, for compiling other schemas that <c>$ref</c> ours.</summary>
    public JsonSchemaRegistry Registry => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets a schema by name and major version.</summary>
    /// <param name="reference">The name and major version.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="KeyNotFoundException">No such schema.</exception>
    public SchemaDescriptor Get(SchemaReference reference) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Tries to get a schema by name and major version.</summary>
    /// <param name="reference">The name and major version.</param>
    /// <param name="descriptor">The schema, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(SchemaReference reference, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SchemaDescriptor? descriptor) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets the highest major version of a schema.</summary>
    /// <param name="name">The kebab-case name.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="KeyNotFoundException">No such schema.</exception>
    public SchemaDescriptor GetLatest(string name) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets the highest major version of the schema that describes a canonical model type.</summary>
    /// <param name="clrType">A canonical model type, for example <c>typeof(TimeEntry)</c>.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="KeyNotFoundException">The type has no schema.</exception>
    public SchemaDescriptor GetFor(Type clrType) => throw new NotSupportedException("Not implemented yet.");
}
