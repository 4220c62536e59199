using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using System.Text;
using ProServ.Integration.Cli.Map;
using ProServ.Integration.Cli.SchemaCommands;
using ProServ.Integration.Cli.Validate;

namespace ProServ.Integration.Cli;

/// <summary>Builds the <c>proserv</c> command tree and runs it against the given standard streams.</summary>
/// <remarks>
/// Exit codes: 0 success, 1 an invalid instance or a breaking schema change, 2 a usage or input error
/// (see <see cref="ExitCodes"/>). Usage and input errors print one line per problem to standard error, never a stack trace.
/// </remarks>
internal static class ProservApp
{
    private const int StreamBufferSize = 64 * 1024;

    /// <summary>Runs the tool on the process's console, with buffered standard output.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunConsoleAsync(string[] args)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var stdin = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: true, StreamBufferSize);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, StreamBufferSize) { AutoFlush = false };
        await using (stdout.ConfigureAwait(false))
        {
            return await RunAsync(args, stdin, stdout, Console.Error, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Parses the arguments and runs the command they name.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdin">Standard input (read by <c>validate -</c>).</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="cancellationToken">Cancels a running command.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(stdin, stdout, stderr);
        RootCommand root = CreateRootCommand(console);
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (ParseError error in parseResult.Errors)
            {
                console.WriteError(error.Message);
            }

            await stderr.WriteLineAsync($"Run '{CommandPath(parseResult.CommandResult)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Expected failures are handled in the commands; anything else is a bug and must not be turned into exit code 1.
            EnableDefaultExceptionHandler = false,
        };
        int exitCode;
        try
        {
            exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Expected failures never get here (the commands report them as values). This is a bug, in the tool or in the
            // schema library: say so in one line rather than crash with a stack trace.
            console.WriteError($"internal error: {ex.GetType().FullName}: {ex.Message} This is a bug; please report it with the command line.");
            exitCode = ExitCodes.InternalError;
        }

        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>Gets the informational version of the tool, as printed by <c>--version</c>.</summary>
    /// <returns>The version, for example <c>0.1.0-preview+4f2a…</c>.</returns>
    public static string GetVersion() =>
        typeof(ProservApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProservApp).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand(
            "Work with the published ProServ.Integration JSON Schemas: list, show and compare them, and validate JSON or " +
            "JSON Lines payloads against them. Exit codes: 0 success, 1 invalid payload or breaking change, 2 usage or input error.");
        foreach (Option option in root.Options)
        {
            if (option is VersionOption versionOption)
            {
                // The default action reads the entry assembly, which is the test host when run in-process.
                versionOption.Action = new VersionAction();
            }
        }

        root.Subcommands.Add(SchemasCommand.Create(console));
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(MapCommand.Create(console));
        return root;
    }

    private static string CommandPath(CommandResult commandResult)
    {
        var names = new List<string>();
        for (SymbolResult? result = commandResult; result is CommandResult command; result = command.Parent)
        {
            if (command.Parent is not null)
            {
                names.Add(command.Command.Name);
            }
        }

        names.Add(CliConsole.ProgramName);
        names.Reverse();
        return string.Join(' ', names);
    }
}
