namespace ProServ.Integration.Cli.Tests;

/// <summary>The outcome of one in-process run of the tool.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Split(Stdout);

    public string[] StderrLines => Split(Stderr);

    public static async Task<CliRun> RunAsync(params string[] args) => await RunWithInputAsync(string.Empty, args);

    public static async Task<CliRun> RunWithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        return await RunWithReaderAsync(input, args);
    }

    public static async Task<CliRun> RunWithReaderAsync(TextReader stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exitCode = await ProservApp.RunAsync(args, stdin, stdout, stderr, CancellationToken.None);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string[] Split(string text) =>
        text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
}
