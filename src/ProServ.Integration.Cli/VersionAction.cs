using System.CommandLine;
using System.CommandLine.Invocation;

namespace ProServ.Integration.Cli;

/// <summary>Prints the tool's informational version for <c>--version</c>.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(ProservApp.GetVersion());
        return ExitCodes.Success;
    }
}
