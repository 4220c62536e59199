using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Schemas.Catalog;

/// <summary>Describes one published schema document of the catalog.</summary>
public sealed class SchemaDescriptor
{
    private SchemaDescriptor()
    {
    }

    /// <summary>Gets the schema's name and major version.</summary>
    public SchemaReference Reference => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets the absolute, stable <c>$id</c> of the schema.</summary>
    public Uri Id => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets the schema's <c>title</c>.</summary>
    public string Title => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets the file name the schema is published as, for example <c>time-entry.v1.schema.json</c>.</summary>
    public string FileName => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets the CLR type of the canonical model the schema describes, or <see langword="null"/> for shared definitions.</summary>
    public Type? ClrType => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets the schema document as UTF-8 bytes, exactly as published.</summary>
    public ReadOnlyMemory<byte> Utf8Json => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Gets the compiled validator, created on first use and cached (thread-safe); <c>$ref</c> to the other catalog schemas resolves.</summary>
    public JsonSchema Schema => throw new NotSupportedException("Not implemented yet.");
}
