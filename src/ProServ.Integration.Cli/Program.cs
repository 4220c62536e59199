namespace ProServ.Integration.Cli;

/// <summary>The entry point of the <c>proserv</c> tool; everything else lives in <see cref="ProservApp"/>.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => ProservApp.RunConsoleAsync(args);
}
