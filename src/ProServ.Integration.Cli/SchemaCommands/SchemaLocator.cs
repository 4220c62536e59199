using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Cli.SchemaCommands;

/// <summary>Finds schemas named on the command line, either in the catalog (<c>name@major</c>, or <c>name</c> for the latest)
/// or as schema files. Every failure is returned as one readable message, never thrown.</summary>
internal static class SchemaLocator
{
    /// <summary>Finds a catalog schema by <c>name@major</c>, or by bare <c>name</c> for its highest major version.</summary>
    /// <param name="text">The reference as typed.</param>
    /// <param name="descriptor">The schema, when found.</param>
    /// <param name="error">The message, when not found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public static bool TryFindInCatalog(string text, [NotNullWhen(true)] out SchemaDescriptor? descriptor, [NotNullWhen(false)] out string? error)
    {
        descriptor = null;
        SchemaCatalog catalog = SchemaCatalog.Default;
        if (text.Contains('@', StringComparison.Ordinal))
        {
            if (!SchemaReference.TryParse(text, out SchemaReference reference))
            {
                error = $"invalid schema reference '{text}'; expected <name>@<major>, for example time-entry@1";
                return false;
            }

            if (catalog.TryGet(reference, out descriptor))
            {
                error = null;
                return true;
            }
        }
        else
        {
            foreach (SchemaDescriptor candidate in catalog.Schemas)
            {
                if (string.Equals(candidate.Reference.Name, text, StringComparison.Ordinal)
                    && (descriptor is null || candidate.Reference.Major > descriptor.Reference.Major))
                {
                    descriptor = candidate;
                }
            }

            if (descriptor is not null)
            {
                error = null;
                return true;
            }
        }

        error = UnknownSchema(text);
        return false;
    }

    /// <summary>Gets the message for a schema the catalog does not hold.</summary>
    /// <param name="text">The reference as typed.</param>
    /// <returns>The message.</returns>
    public static string UnknownSchema(string text) => $"unknown schema '{text}'; run 'proserv schemas list'";

    /// <summary>Gets a value indicating whether a command-line value names a file rather than a catalog schema.</summary>
    /// <param name="text">The value as typed.</param>
    /// <returns><see langword="true"/> for an existing file, a value with a path separator or a <c>.json</c> extension.</returns>
    public static bool LooksLikeFile(string text) =>
        File.Exists(text)
        || text.Contains('/', StringComparison.Ordinal)
        || text.Contains('\\', StringComparison.Ordinal)
        || text.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a whole text file, turning the expected I/O failures into one message.</summary>
    /// <param name="path">The path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The text, or the error message.</returns>
    public static async Task<(string? Text, string? Error)> ReadTextFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception ex) when (InputErrors.IsFileError(ex))
        {
            return (null, InputErrors.Describe(path, ex));
        }
    }

    /// <summary>Loads a schema document for comparison: a catalog schema as published, or a schema file.</summary>
    /// <param name="text">A catalog reference or a file path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The parsed document (the caller disposes it), or the error message.</returns>
    public static async Task<(JsonDocument? Document, string? Error)> LoadDocumentAsync(string text, CancellationToken cancellationToken)
    {
        if (!LooksLikeFile(text))
        {
            return TryFindInCatalog(text, out SchemaDescriptor? descriptor, out string? error)
                ? (JsonDocument.Parse(descriptor.Utf8Json), null)
                : (null, error);
        }

        (string? json, string? readError) = await ReadTextFileAsync(text, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return (null, readError);
        }

        try
        {
            JsonDocument document = JsonDocument.Parse(json);
            JsonValueKind kind = document.RootElement.ValueKind;
            if (kind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
            {
                return (document, null);
            }

            document.Dispose();
            return (null, $"{text}: invalid JSON Schema: the document must be an object or a boolean");
        }
        catch (JsonException ex)
        {
            return (null, InputErrors.MalformedJson(text, ex));
        }
    }
}
