using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Cli.Tests.SchemaCommands;

public sealed class SchemaListCommandTests
{
    [Fact]
    public async Task List_Text_PrintsHeaderAndOneAlignedRowPerDescriptor()
    {
        IReadOnlyList<SchemaDescriptor> schemas = SchemaCatalog.Default.Schemas;

        CliRun run = await CliRun.RunAsync("schemas", "list");

        Assert.Equal(0, run.ExitCode);
        string[] lines = run.StdoutLines;
        Assert.Equal(schemas.Count + 1, lines.Length);
        Assert.StartsWith("SCHEMA", lines[0], StringComparison.Ordinal);
        int titleColumn = lines[0].IndexOf("TITLE", StringComparison.Ordinal);
        int idColumn = lines[0].IndexOf("ID", titleColumn, StringComparison.Ordinal);
        for (int i = 0; i < schemas.Count; i++)
        {
            SchemaDescriptor schema = schemas[i];
            string row = lines[i + 1];
            Assert.StartsWith(schema.Reference + " ", row, StringComparison.Ordinal);
            Assert.Equal(schema.Title, row.Substring(titleColumn, idColumn - titleColumn).TrimEnd());
            Assert.Equal(schema.Id.OriginalString, row[idColumn..]);
        }
    }

    [Fact]
    public async Task List_Json_PrintsAnArrayOfEveryDescriptor()
    {
        IReadOnlyList<SchemaDescriptor> schemas = SchemaCatalog.Default.Schemas;

        CliRun run = await CliRun.RunAsync("schemas", "list", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        JsonElement[] items = [.. document.RootElement.EnumerateArray()];
        Assert.Equal(schemas.Count, items.Length);
        for (int i = 0; i < schemas.Count; i++)
        {
            Assert.Equal(schemas[i].Reference.ToString(), items[i].GetProperty("schema").GetString());
            Assert.Equal(schemas[i].Reference.Name, items[i].GetProperty("name").GetString());
            Assert.Equal(schemas[i].Reference.Major, items[i].GetProperty("major").GetInt32());
            Assert.Equal(schemas[i].Title, items[i].GetProperty("title").GetString());
            Assert.Equal(schemas[i].Id.OriginalString, items[i].GetProperty("id").GetString());
            Assert.Equal(schemas[i].FileName, items[i].GetProperty("fileName").GetString());
        }
    }
}
