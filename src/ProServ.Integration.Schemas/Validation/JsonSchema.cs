using System.Globalization;
using System.Text;
using System.Text.Json;
using ProServ.Integration.Schemas.Validation.Engine;
using ProServ.Integration.Schemas.Validation.Engine.SinglePass;

namespace ProServ.Integration.Schemas.Validation;

/// <summary>
/// Represents a JSON Schema (draft 2020-12) compiled once into a reusable, thread-safe validator.
/// </summary>
/// <remarks>
/// <see cref="Parse(string, JsonSchemaOptions?)"/> builds a tree of compiled keywords: every <c>$ref</c> is resolved,
/// every regular expression compiled and every keyword value checked once. Validation then reads the instance without
/// re-reading the schema, allocates nothing for a valid document beyond the parsed <see cref="JsonDocument"/>, and
/// never throws for bad input: malformed or too deeply nested JSON is reported as an error. An instance is safe to
/// use from many threads at once.
/// </remarks>
public sealed class JsonSchema
{
    private readonly SchemaNode _root;
    private readonly int _maxDepth;
    private readonly bool _usesDynamicScope;
    private readonly StreamPlan? _singlePass;

    private JsonSchema(SchemaNode root, Uri baseUri, int maxDepth, bool usesDynamicScope)
    {
        _root = root;
        BaseUri = baseUri;
        _maxDepth = maxDepth;
        _usesDynamicScope = usesDynamicScope;
        _singlePass = usesDynamicScope ? null : StreamPlanner.TryPlan(root);
    }

    /// <summary>Gets a value indicating whether UTF-8 documents are checked in one pass over their tokens (no document tree).</summary>
    internal bool UsesSinglePass => _singlePass is not null;

    /// <summary>Gets the absolute base URI of the schema (its <c>$id</c>, or a generated one).</summary>
    public Uri BaseUri { get; }

    /// <summary>Parses and compiles a schema from JSON text.</summary>
    /// <param name="schemaJson">The schema document.</param>
    /// <param name="options">Options; <see langword="null"/> uses the defaults.</param>
    /// <returns>The compiled schema.</returns>
    /// <exception cref="JsonSchemaException">The text is not JSON, or not a valid 2020-12 schema; the exception lists every problem.</exception>
    public static JsonSchema Parse(string schemaJson, JsonSchemaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        return Parse(Encoding.UTF8.GetBytes(schemaJson), options);
    }

    /// <summary>Parses and compiles a schema from UTF-8 JSON.</summary>
    /// <param name="utf8SchemaJson">The schema document as UTF-8 bytes.</param>
    /// <param name="options">Options; <see langword="null"/> uses the defaults.</param>
    /// <returns>The compiled schema.</returns>
    /// <exception cref="JsonSchemaException">The bytes are not JSON, or not a valid 2020-12 schema.</exception>
    public static JsonSchema Parse(ReadOnlyMemory<byte> utf8SchemaJson, JsonSchemaOptions? options = null)
    {
        options ??= new JsonSchemaOptions();
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8SchemaJson, new JsonDocumentOptions { MaxDepth = JsonSchemaConstants.MaxSchemaDepth });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new JsonSchemaException([JsonSchemaConstants.DescribeMalformed(ex)]);
        }

        var compiler = new SchemaCompiler(options.Registry, options.AssertFormat);
        var (node, baseUri) = compiler.Compile(root);
        var maxDepth = options.MaxDepth > 0 ? options.MaxDepth : JsonSchemaConstants.DefaultMaxDepth;
        return new JsonSchema(node, baseUri, maxDepth, compiler.UsesDynamicScope);
    }

    /// <summary>Validates a UTF-8 JSON document. Malformed JSON and documents nested deeper than
    /// <see cref="JsonSchemaOptions.MaxDepth"/> are reported as errors, never thrown.</summary>
    /// <param name="utf8Json">The instance as UTF-8 bytes.</param>
    /// <param name="mode">Whether to stop at the first error or collect all of them.</param>
    /// <returns>The result; <see cref="SchemaValidationResult.Valid"/> (a shared instance) when valid.</returns>
    public SchemaValidationResult Validate(ReadOnlyMemory<byte> utf8Json, ValidationOutputMode mode = ValidationOutputMode.AllErrors)
    {
        if (_singlePass is not null)
        {
            var state = new EvaluationState(stopOnFirst: false, _maxDepth, trackDynamicScope: false) { Source = utf8Json };
            try
            {
                var walker = new StreamWalker(utf8Json.Span, _maxDepth);
                if (walker.TryValidate(_singlePass, ref state, out var valid))
                {
                    return Result(valid, state.Errors, mode);
                }
            }
            finally
            {
                state.Release();
            }
        }

        return ValidateTree(utf8Json, mode);
    }

    /// <summary>Validates by parsing the document into a tree and walking it (what <see cref="Validate(ReadOnlyMemory{byte}, ValidationOutputMode)"/> falls back to).</summary>
    internal SchemaValidationResult ValidateTree(ReadOnlyMemory<byte> utf8Json, ValidationOutputMode mode = ValidationOutputMode.AllErrors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = _maxDepth });
        }
        catch (JsonException ex)
        {
            return ParseFailure(utf8Json.Span, ex);
        }

        using (document)
        {
            return Validate(document.RootElement, mode);
        }
    }

    /// <summary>Validates a parsed JSON value.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="mode">Whether to stop at the first error or collect all of them.</param>
    /// <returns>The result; <see cref="SchemaValidationResult.Valid"/> (a shared instance) when valid.</returns>
    public SchemaValidationResult Validate(JsonElement instance, ValidationOutputMode mode = ValidationOutputMode.AllErrors)
    {
        var state = new EvaluationState(mode == ValidationOutputMode.FirstError, _maxDepth, _usesDynamicScope);
        bool valid;
        try
        {
            valid = _root.Evaluate(instance, ref state, null);
        }
        finally
        {
            state.Release();
        }

        return Result(valid, state.Errors, mode);
    }

    private static SchemaValidationResult Result(bool valid, List<SchemaValidationError>? errors, ValidationOutputMode mode)
    {
        if (valid)
        {
            return SchemaValidationResult.Valid;
        }

        if (errors is null || errors.Count == 0)
        {
            return SchemaValidationResult.Invalid([new SchemaValidationError(SchemaErrorCodes.KeywordPrefix + "false", string.Empty, string.Empty, "The instance is not valid.")]);
        }

        if (mode == ValidationOutputMode.FirstError && errors.Count > 1)
        {
            errors.RemoveRange(1, errors.Count - 1);
        }

        // The list was created for this validation only: wrap it rather than copy it.
        return SchemaValidationResult.Invalid(errors.AsReadOnly());
    }

    private SchemaValidationResult ParseFailure(ReadOnlySpan<byte> utf8Json, JsonException ex)
    {
        // Tell "too deep" from "malformed" by re-reading without the depth limit (error path only).
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        var deepest = 0;
        try
        {
            while (reader.Read())
            {
                deepest = Math.Max(deepest, reader.CurrentDepth + 1);
                if (deepest > _maxDepth)
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            // The document is malformed before it gets too deep.
        }

        var error = deepest > _maxDepth
            ? new SchemaValidationError(SchemaErrorCodes.TooDeep, string.Empty, string.Empty, string.Create(CultureInfo.InvariantCulture, $"The JSON is nested deeper than the maximum depth of {_maxDepth} (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1})."))
            : new SchemaValidationError(SchemaErrorCodes.MalformedJson, string.Empty, string.Empty, JsonSchemaConstants.DescribeMalformed(ex));
        return SchemaValidationResult.Invalid([error]);
    }
}
