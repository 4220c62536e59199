using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Schemas.Catalog;

/// <summary>Describes one published schema document of the catalog.</summary>
/// <remarks>Immutable and thread-safe. The document bytes are read once; <see cref="Schema"/> is compiled on first use.</remarks>
public sealed class SchemaDescriptor
{
    private readonly Lazy<JsonSchema> _schema;

    internal SchemaDescriptor(SchemaReference reference, Uri id, string title, string fileName, Type? clrType, ReadOnlyMemory<byte> utf8Json, Func<JsonSchemaRegistry> registry)
    {
        Reference = reference;
        Id = id;
        Title = title;
        FileName = fileName;
        ClrType = clrType;
        Utf8Json = utf8Json;
        _schema = new Lazy<JsonSchema>(
            () => JsonSchema.Parse(utf8Json, new JsonSchemaOptions { Registry = registry() }),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the schema's name and major version.</summary>
    public SchemaReference Reference { get; }

    /// <summary>Gets the absolute, stable <c>$id</c> of the schema.</summary>
    public Uri Id { get; }

    /// <summary>Gets the schema's <c>title</c>.</summary>
    public string Title { get; }

    /// <summary>Gets the file name the schema is published as, for example <c>time-entry.v1.schema.json</c>.</summary>
    public string FileName { get; }

    /// <summary>Gets the CLR type of the canonical model the schema describes, or <see langword="null"/> for shared definitions.</summary>
    public Type? ClrType { get; }

    /// <summary>Gets the schema document as UTF-8 bytes, exactly as published.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>Gets the compiled validator, created on first use and cached (thread-safe); <c>$ref</c> to the other catalog schemas resolves.</summary>
    /// <exception cref="JsonSchemaException">The document is not a valid JSON Schema (thrown on every access once it failed).</exception>
    public JsonSchema Schema => _schema.Value;

    /// <summary>Returns the reference and file name, for example <c>time-entry@1 (time-entry.v1.schema.json)</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Reference} ({FileName})";
}
