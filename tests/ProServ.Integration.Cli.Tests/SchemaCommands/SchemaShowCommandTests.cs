using System.Text;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Cli.Tests.SchemaCommands;

public sealed class SchemaShowCommandTests
{
    [Fact]
    public async Task Show_NameAtMajor_PrintsTheDocumentExactlyAsPublished()
    {
        foreach (SchemaDescriptor schema in SchemaCatalog.Default.Schemas)
        {
            CliRun run = await CliRun.RunAsync("schemas", "show", schema.Reference.ToString());

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(Encoding.UTF8.GetString(schema.Utf8Json.Span), run.Stdout);
        }
    }

    [Fact]
    public async Task Show_BareName_PrintsTheLatestMajor()
    {
        foreach (SchemaDescriptor schema in SchemaCatalog.Default.Schemas)
        {
            SchemaDescriptor latest = SchemaCatalog.Default.GetLatest(schema.Reference.Name);

            CliRun run = await CliRun.RunAsync("schemas", "show", schema.Reference.Name);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(Encoding.UTF8.GetString(latest.Utf8Json.Span), run.Stdout);
        }
    }

    [Theory]
    [InlineData("foo@1")]
    [InlineData("foo")]
    public async Task Show_UnknownSchema_Exits2WithHint(string reference)
    {
        CliRun run = await CliRun.RunAsync("schemas", "show", reference);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"proserv: unknown schema '{reference}'; run 'proserv schemas list'"], run.StderrLines);
        Assert.Empty(run.Stdout);
    }
}
