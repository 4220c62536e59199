namespace ProServ.Integration.Schemas.Validation;

/// <summary>Configures how a <see cref="JsonSchema"/> is compiled and how it validates.</summary>
public sealed class JsonSchemaOptions
{
    /// <summary>Gets or sets the registry that resolves <c>$ref</c> to other documents. Nothing is ever fetched over the network.
    /// The default value is <see langword="null"/> (only the schema itself).</summary>
    public JsonSchemaRegistry? Registry { get; set; }

    /// <summary>Gets or sets a value indicating whether <c>format</c> is asserted (an invalid <c>date</c> fails) rather than
    /// only annotated. The default value is <see langword="true"/>: finance payloads need real dates.</summary>
    public bool AssertFormat { get; set; } = true;

    /// <summary>Gets or sets the maximum nesting depth of an instance. The default value is 256.</summary>
    public int MaxDepth { get; set; } = JsonSchemaConstants.DefaultMaxDepth;
}
