namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>A schema resource (a document root or a subschema with <c>$id</c>) and its dynamic anchors.</summary>
internal sealed class SchemaResource
{
    public SchemaResource(Uri baseUri) => BaseUri = baseUri;

    public Uri BaseUri { get; }

    /// <summary>Gets the compiled targets of <c>$dynamicAnchor</c> names declared in this resource; filled at compile time, read-only afterwards.</summary>
    public Dictionary<string, SchemaNode> DynamicAnchors { get; } = new(StringComparer.Ordinal);
}
