using System.Text.Json;
using ProServ.Integration.Cli.SchemaCommands;
using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Cli.Validate;

/// <summary>Gets the compiled schema <c>validate</c> checks against: a catalog schema or a schema file compiled with the
/// catalog's registry, so that its <c>$ref</c> to the published schemas resolve.</summary>
internal static class ValidationSchemaLoader
{
    /// <summary>Loads the schema named by exactly one of the two options.</summary>
    /// <param name="reference">The <c>--schema</c> value, or <see langword="null"/>.</param>
    /// <param name="path">The <c>--schema-file</c> value, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The schema, or one error line.</returns>
    public static async Task<(JsonSchema? Schema, string? Error)> LoadAsync(string? reference, string? path, CancellationToken cancellationToken)
    {
        if (reference is not null)
        {
            return SchemaLocator.TryFindInCatalog(reference, out SchemaDescriptor? descriptor, out string? error)
                ? (descriptor.Schema, null)
                : (null, error);
        }

        ArgumentNullException.ThrowIfNull(path);
        (string? json, string? readError) = await SchemaLocator.ReadTextFileAsync(path, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return (null, readError);
        }

        try
        {
            var options = new JsonSchemaOptions { Registry = SchemaCatalog.Default.Registry };
            return (JsonSchema.Parse(json, options), null);
        }
        catch (JsonSchemaException ex)
        {
            return (null, $"{path}: invalid JSON Schema: {string.Join("; ", ex.Problems)}");
        }
        catch (JsonException ex)
        {
            return (null, InputErrors.MalformedJson(path, ex));
        }
    }
}
