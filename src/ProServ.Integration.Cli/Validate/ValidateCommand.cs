using System.CommandLine;
using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Cli.Validate;

/// <summary>Creates <c>proserv validate</c>: validates JSON documents or JSON Lines against a schema.</summary>
internal static class ValidateCommand
{
    /// <summary>The file name that stands for standard input.</summary>
    public const string StandardInputArgument = "-";

    public static Command Create(CliConsole console)
    {
        var symbols = new ValidateSymbols();
        var command = new Command(
            "validate",
            "Validate JSON documents (or JSON Lines with --jsonl) against a published schema or a schema file. " +
            "Exits 0 when every instance is valid, 1 when any is invalid, 2 on a usage or input error " +
            "(missing file, malformed JSON document, unknown schema, invalid schema file).");
        symbols.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            ValidateSettings settings = symbols.GetSettings(parseResult);
            (JsonSchema? schema, string? error) = await ValidationSchemaLoader
                .LoadAsync(parseResult.GetValue(symbols.Schema), parseResult.GetValue(symbols.SchemaFile), cancellationToken)
                .ConfigureAwait(false);
            if (schema is null)
            {
                console.WriteError(error!);
                return ExitCodes.UsageOrInputError;
            }

            using var runner = new ValidateRunner(console, schema, settings);
            return await runner.RunAsync(parseResult.GetRequiredValue(symbols.Files), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
