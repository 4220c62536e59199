using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation;

/// <summary>Holds schema documents by absolute URI so that <c>$ref</c> resolves locally.</summary>
/// <remarks>
/// Nothing is ever fetched over the network: a <c>$ref</c> to a URI that is not registered fails at
/// <see cref="JsonSchema.Parse(string, JsonSchemaOptions?)"/>. Adding and reading documents is thread-safe; a compiled
/// <see cref="JsonSchema"/> keeps what it needs and is unaffected by later additions.
/// </remarks>
public sealed class JsonSchemaRegistry
{
    private readonly Dictionary<string, JsonElement> _documents = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Adds a schema document under its own <c>$id</c>.</summary>
    /// <param name="schemaJson">The schema document; it must have an absolute <c>$id</c>.</param>
    /// <exception cref="JsonSchemaException">The document is not JSON or has no absolute <c>$id</c>.</exception>
    public void Add(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        var root = ParseDocument(schemaJson);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("$id", out var id) || id.ValueKind != JsonValueKind.String ||
            !Uri.TryCreate(id.GetString(), UriKind.Absolute, out var uri))
        {
            throw new JsonSchemaException(["#: a schema added without a URI must have an absolute '$id'."]);
        }

        Store(uri, root);
    }

    /// <summary>Adds a schema document under the given URI (its <c>$id</c>, if any, still applies inside it).</summary>
    /// <param name="uri">The absolute URI the document is retrieved by.</param>
    /// <param name="schemaJson">The schema document.</param>
    /// <exception cref="JsonSchemaException">The document is not JSON.</exception>
    /// <exception cref="ArgumentException"><paramref name="uri"/> is not absolute.</exception>
    public void Add(Uri uri, string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(schemaJson);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The URI of a registered schema must be absolute.", nameof(uri));
        }

        Store(uri, ParseDocument(schemaJson));
    }

    internal bool TryGet(string uriWithoutFragment, out JsonElement document)
    {
        lock (_lock)
        {
            return _documents.TryGetValue(uriWithoutFragment, out document);
        }
    }

    private static JsonElement ParseDocument(string schemaJson)
    {
        try
        {
            using var document = JsonDocument.Parse(schemaJson, new JsonDocumentOptions { MaxDepth = JsonSchemaConstants.MaxSchemaDepth });
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new JsonSchemaException([JsonSchemaConstants.DescribeMalformed(ex)]);
        }
    }

    private void Store(Uri uri, JsonElement root)
    {
        var key = uri.AbsoluteUri;
        var hash = key.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            key = key[..hash];
        }

        lock (_lock)
        {
            _documents[key] = root;
        }
    }
}
