namespace ProServ.Integration.Mapping;

/// <summary>Describes why one source record could not be mapped.</summary>
/// <param name="Code">The stable error code, one of <see cref="MappingErrorCodes"/>.</param>
/// <param name="Path">The JSON Pointer of the offending value in the SOURCE document (empty for the root).</param>
/// <param name="Message">What is wrong, naming the value and the target field.</param>
public sealed record MappingError(string Code, string Path, string Message);
