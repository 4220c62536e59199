namespace ProServ.Integration.Cli.Validate;

/// <summary>The outcome of validating one input (a document, or every line of a JSON Lines input).</summary>
internal enum InputOutcome
{
    /// <summary>Every instance was valid.</summary>
    Valid = 0,

    /// <summary>At least one instance was invalid.</summary>
    Invalid = 1,

    /// <summary>The input could not be read, or (outside JSON Lines) was not well-formed JSON.</summary>
    InputError = 2,
}
