namespace ProServ.Integration.Schemas.Validation;

/// <summary>Holds schema documents by absolute URI so that <c>$ref</c> resolves locally.</summary>
public sealed class JsonSchemaRegistry
{
    /// <summary>Adds a schema document under its own <c>$id</c>.</summary>
    /// <param name="schemaJson">The schema document; it must have an absolute <c>$id</c>.</param>
    /// <exception cref="JsonSchemaException">The document is not JSON or has no absolute <c>$id</c>.</exception>
    public void Add(string schemaJson) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Adds a schema document under the given URI (its <c>$id</c>, if any, still applies inside it).</summary>
    /// <param name="uri">The absolute URI the document is retrieved by.</param>
    /// <param name="schemaJson">The schema document.</param>
    /// <exception cref="JsonSchemaException">The document is not JSON.</exception>
    public void Add(Uri uri, string schemaJson) => throw new NotSupportedException("Not implemented yet.");
}
