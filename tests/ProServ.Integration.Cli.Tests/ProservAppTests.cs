using System.Reflection;

namespace ProServ.Integration.Cli.Tests;

public sealed class ProservAppTests
{
    [Fact]
    public async Task RunAsync_Version_PrintsInformationalVersionAndExits0()
    {
        CliRun run = await CliRun.RunAsync("--version");

        string expected = typeof(ProservApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Stdout.Trim());
        Assert.StartsWith("0.", expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("schemas", "--help")]
    [InlineData("schemas", "list", "--help")]
    [InlineData("schemas", "show", "--help")]
    [InlineData("schemas", "diff", "--help")]
    [InlineData("validate", "--help")]
    [InlineData("validate", "-h")]
    public async Task RunAsync_Help_PrintsUsageAndExits0(params string[] args)
    {
        CliRun run = await CliRun.RunAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Description:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--help", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task RunAsync_ValidateHelp_DescribesEveryOption()
    {
        CliRun run = await CliRun.RunAsync("validate", "--help");

        foreach (string option in new[] { "--schema", "--schema-file", "--jsonl", "--format", "--all-errors", "--first-error", "--quiet" })
        {
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData]
    [InlineData("schemas")]
    [InlineData("no-such-command")]
    [InlineData("validate", "--no-such-option", "a.json")]
    [InlineData("validate", "--schema", "x@1")]
    [InlineData("validate", "a.json")]
    [InlineData("validate", "--schema", "x@1", "--schema-file", "s.json", "a.json")]
    [InlineData("validate", "--schema", "x@1", "--all-errors", "--first-error", "a.json")]
    [InlineData("validate", "--schema", "x@1", "--format", "yaml", "a.json")]
    [InlineData("validate", "--schema", "x@1", "-", "-")]
    [InlineData("schemas", "show")]
    [InlineData("schemas", "diff", "a@1")]
    [InlineData("schemas", "list", "--format", "xml")]
    public async Task RunAsync_UsageError_Exits2WithMessageOnStderr(params string[] args)
    {
        CliRun run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("proserv: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BothSchemaOptions_NamesTheRule()
    {
        CliRun run = await CliRun.RunAsync("validate", "--schema", "x@1", "--schema-file", "s.json", "a.json");

        Assert.Equal("proserv: Specify exactly one of --schema <name@major> and --schema-file <path>.", run.StderrLines[0]);
        Assert.Equal("Run 'proserv validate --help' for usage.", run.StderrLines[1]);
    }
}
