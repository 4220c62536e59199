namespace ProServ.Integration.Schemas.Validation;

/// <summary>Describes one reason an instance failed validation.</summary>
/// <param name="Code">The stable error code, one of <see cref="SchemaErrorCodes"/>.</param>
/// <param name="InstanceLocation">The JSON Pointer (RFC 6901) of the failing value in the instance; empty for the root.</param>
/// <param name="KeywordLocation">The JSON Pointer of the failing keyword in the schema, through any <c>$ref</c>, for example <c>/properties/hours/minimum</c>.</param>
/// <param name="Message">A readable message.</param>
public sealed record SchemaValidationError(string Code, string InstanceLocation, string KeywordLocation, string Message);
