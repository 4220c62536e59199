namespace ProServ.Integration.Schemas.Validation;

/// <summary>Holds the stable codes of validation errors. A keyword failure's code is <c>schema.</c> followed by the keyword.</summary>
public static class SchemaErrorCodes
{
    /// <summary>The instance is not well-formed JSON.</summary>
    public const string MalformedJson = "json.malformed";

    /// <summary>The instance is nested deeper than the configured maximum depth.</summary>
    public const string TooDeep = "json.too-deep";

    /// <summary>The prefix of every keyword failure code, for example <c>schema.required</c>.</summary>
    public const string KeywordPrefix = "schema.";
}
