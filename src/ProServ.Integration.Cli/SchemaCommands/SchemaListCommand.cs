using System.CommandLine;
using System.Text.Json;
using ProServ.Integration.Cli.Output;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Cli.SchemaCommands;

/// <summary>Creates <c>proserv schemas list</c>: every published schema with its title and <c>$id</c>.</summary>
internal static class SchemaListCommand
{
    private const string Gap = "  ";

    public static Command Create(CliConsole console)
    {
        Option<string> format = CliOptions.CreateFormat("for a JSON array of {schema, name, major, title, id, fileName}");
        var command = new Command("list", "List every published schema: name@major, title and $id, ordered by name then major version.")
        {
            format,
        };
        command.SetAction(parseResult =>
        {
            IReadOnlyList<SchemaDescriptor> schemas = SchemaCatalog.Default.Schemas;
            if (CliOptions.GetFormat(parseResult, format) == OutputFormat.Json)
            {
                WriteJson(console, schemas);
            }
            else
            {
                WriteTable(console, schemas);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(CliConsole console, IReadOnlyList<SchemaDescriptor> schemas)
    {
        const string SchemaHeader = "SCHEMA";
        const string TitleHeader = "TITLE";
        int schemaWidth = SchemaHeader.Length;
        int titleWidth = TitleHeader.Length;
        foreach (SchemaDescriptor schema in schemas)
        {
            schemaWidth = Math.Max(schemaWidth, schema.Reference.ToString().Length);
            titleWidth = Math.Max(titleWidth, schema.Title.Length);
        }

        TextWriter output = console.Out;
        output.WriteLine(SchemaHeader.PadRight(schemaWidth) + Gap + TitleHeader.PadRight(titleWidth) + Gap + "ID");
        foreach (SchemaDescriptor schema in schemas)
        {
            output.WriteLine(schema.Reference.ToString().PadRight(schemaWidth) + Gap + schema.Title.PadRight(titleWidth) + Gap + schema.Id.OriginalString);
        }
    }

    private static void WriteJson(CliConsole console, IReadOnlyList<SchemaDescriptor> schemas)
    {
        using var output = new JsonOutput(console.Out, indented: true);
        Utf8JsonWriter writer = output.Writer;
        writer.WriteStartArray();
        foreach (SchemaDescriptor schema in schemas)
        {
            writer.WriteStartObject();
            writer.WriteString("schema", schema.Reference.ToString());
            writer.WriteString("name", schema.Reference.Name);
            writer.WriteNumber("major", schema.Reference.Major);
            writer.WriteString("title", schema.Title);
            writer.WriteString("id", schema.Id.OriginalString);
            writer.WriteString("fileName", schema.FileName);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        output.Commit();
    }
}
