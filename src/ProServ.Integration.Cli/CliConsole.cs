namespace ProServ.Integration.Cli;

/// <summary>Holds the standard streams a command reads and writes, so the whole tool runs in-process in tests.</summary>
internal sealed class CliConsole
{
    /// <summary>The program name used as the prefix of every error line.</summary>
    public const string ProgramName = "proserv";

    public CliConsole(TextReader input, TextWriter output, TextWriter error)
    {
        In = input;
        Out = output;
        Error = error;
    }

    /// <summary>Gets standard input.</summary>
    public TextReader In { get; }

    /// <summary>Gets standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Gets standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Writes one error line, <c>proserv: message</c>, to standard error. Line breaks inside the message are
    /// replaced so that every error is exactly one line.</summary>
    /// <param name="message">The message.</param>
    public void WriteError(string message)
    {
        Error.Write(ProgramName);
        Error.Write(": ");
        Error.WriteLine(OneLine(message));
    }

    private static string OneLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
            ? message.ReplaceLineEndings(" ")
            : message;
}
