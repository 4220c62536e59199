namespace ProServ.Integration.Cli.Output;

/// <summary>Specifies how a command prints its results.</summary>
internal enum OutputFormat
{
    /// <summary>Plain, aligned text for people.</summary>
    Text = 0,

    /// <summary>JSON for programs (JSON Lines for <c>validate</c>).</summary>
    Json = 1,
}
