using System.CommandLine;

namespace ProServ.Integration.Cli.SchemaCommands;

/// <summary>Creates the <c>proserv schemas</c> command group.</summary>
internal static class SchemasCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("schemas", "List, show and compare the JSON Schemas published with ProServ.Integration.");
        command.Subcommands.Add(SchemaListCommand.Create(console));
        command.Subcommands.Add(SchemaShowCommand.Create(console));
        command.Subcommands.Add(SchemaDiffCommand.Create(console));
        return command;
    }
}
