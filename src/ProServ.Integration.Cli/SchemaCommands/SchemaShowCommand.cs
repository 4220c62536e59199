using System.CommandLine;
using System.Text;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Cli.SchemaCommands;

/// <summary>Creates <c>proserv schemas show</c>: prints a schema document exactly as published.</summary>
internal static class SchemaShowCommand
{
    public static Command Create(CliConsole console)
    {
        var schema = new Argument<string>("schema")
        {
            Description = "The schema as <name>@<major> (for example time-entry@1), or <name> for its latest major version.",
        };
        var command = new Command("show", "Print a published schema document exactly as published (the bytes embedded in the package).")
        {
            schema,
        };
        command.SetAction(parseResult =>
        {
            string text = parseResult.GetRequiredValue(schema);
            if (!SchemaLocator.TryFindInCatalog(text, out SchemaDescriptor? descriptor, out string? error))
            {
                console.WriteError(error);
                return ExitCodes.UsageOrInputError;
            }

            console.Out.Write(Encoding.UTF8.GetString(descriptor.Utf8Json.Span));
            return ExitCodes.Success;
        });
        return command;
    }
}
