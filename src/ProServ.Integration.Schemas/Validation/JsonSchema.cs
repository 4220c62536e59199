using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation;

/// <summary>
/// Represents a JSON Schema (draft 2020-12) compiled once into a reusable, thread-safe validator.
/// </summary>
public sealed class JsonSchema
{
    private JsonSchema()
    {
    }

    /// <summary>Gets the absolute base URI of the schema (its <c>$id</c>, or a generated one).</summary>
    public Uri BaseUri => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Parses and compiles a schema from JSON text.</summary>
    /// <param name="schemaJson">The schema document.</param>
    /// <param name="options">Options; <see langword="null"/> uses the defaults.</param>
    /// <returns>The compiled schema.</returns>
    /// <exception cref="JsonSchemaException">The text is not JSON, or not a valid 2020-12 schema; the exception lists every problem.</exception>
    public static JsonSchema Parse(string schemaJson, JsonSchemaOptions? options = null) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Parses and compiles a schema from UTF-8 JSON.</summary>
    /// <param name="utf8SchemaJson">The schema document as UTF-8 bytes.</param>
    /// <param name="options">Options; <see langword="null"/> uses the defaults.</param>
    /// <returns>The compiled schema.</returns>
    /// <exception cref="JsonSchemaException">The bytes are not JSON, or not a valid 2020-12 schema.</exception>
    public static JsonSchema Parse(ReadOnlyMemory<byte> utf8SchemaJson, JsonSchemaOptions? options = null) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Validates a UTF-8 JSON document. Malformed JSON and documents nested deeper than
    /// <see cref="JsonSchemaOptions.MaxDepth"/> are reported as errors, never thrown.</summary>
    /// <param name="utf8Json">The instance as UTF-8 bytes.</param>
    /// <param name="mode">Whether to stop at the first error or collect all of them.</param>
    /// <returns>The result; <see cref="SchemaValidationResult.Valid"/> (a shared instance) when valid.</returns>
    public SchemaValidationResult Validate(ReadOnlyMemory<byte> utf8Json, ValidationOutputMode mode = ValidationOutputMode.AllErrors) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Validates a parsed JSON value.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="mode">Whether to stop at the first error or collect all of them.</param>
    /// <returns>The result; <see cref="SchemaValidationResult.Valid"/> (a shared instance) when valid.</returns>
    public SchemaValidationResult Validate(JsonElement instance, ValidationOutputMode mode = ValidationOutputMode.AllErrors) => throw new NotSupportedException("Not implemented yet.");
}
