namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>An error being built bottom-up: each applicator on the way back up prefixes its own path segments.</summary>
internal sealed class PendingError
{
    public PendingError(string code, string keywordLocation, string message)
    {
        Code = code;
        KeywordLocation = keywordLocation;
        Message = message;
    }

    public string Code { get; }

    public string InstanceLocation { get; set; } = string.Empty;

    public string KeywordLocation { get; set; }

    public string Message { get; }

    public SchemaValidationError ToError() => new(Code, InstanceLocation, KeywordLocation, Message);
}
