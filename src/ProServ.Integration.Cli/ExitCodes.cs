namespace ProServ.Integration.Cli;

/// <summary>Holds the exit codes of every <c>proserv</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was valid (validate), or the schemas are fully compatible (diff), or the command succeeded.</summary>
    public const int Success = 0;

    /// <summary>At least one instance was invalid (validate), or the schema change is breaking (diff).</summary>
    public const int Failure = 1;

    /// <summary>A usage error (unknown option, missing argument) or an input error (missing file, malformed JSON,
    /// unknown schema, invalid schema file).</summary>
    public const int UsageOrInputError = 2;

    /// <summary>An unexpected failure: a bug in the tool or the schema library, reported in one line on standard error.</summary>
    public const int InternalError = 3;
}
