namespace ProServ.Integration.Mapping;

/// <summary>Describes one problem found in a mapping document at load time.</summary>
/// <param name="File">The document's name as given to the loader (a file path, an embedded resource or <c>builder</c>).</param>
/// <param name="Line">The 1-based line of the offending value, or 0 when the problem concerns the whole document.</param>
/// <param name="Column">The 1-based column (in UTF-8 bytes) of the offending value, or 0.</param>
/// <param name="Path">The JSON Pointer of the offending value in the mapping document.</param>
/// <param name="Code">The stable problem code, one of <see cref="MappingErrorCodes"/>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record MappingProblem(string File, int Line, int Column, string Path, string Code, string Message)
{
    /// <summary>Formats the problem as <c>file(line,column): code at pointer: message</c>, the way compilers report errors.</summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString() => $"{File}({Line},{Column}): {Code} at '{Path}': {Message}";
}
