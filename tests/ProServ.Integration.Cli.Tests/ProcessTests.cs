using System.Diagnostics;

namespace ProServ.Integration.Cli.Tests;

public sealed class ProcessTests
{
    [Fact]
    public async Task Proserv_RealProcessWithMissingFile_Exits2WithOneStderrLine()
    {
        using var temp = new TempDirectory();
        string schema = temp.WriteHoursSchema();
        string missing = temp.File("missing.json");
        string tool = Path.Combine(Path.GetDirectoryName(typeof(ProservApp).Assembly.Location)!, "proserv.dll");
        Assert.True(File.Exists(tool), tool);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { tool, "validate", "--schema-file", schema, missing })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(safetyNet.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal(string.Empty, await stdout);
        Assert.Equal($"proserv: {missing}: file not found{Environment.NewLine}", await stderr);
    }
}
