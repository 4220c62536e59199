using System.CommandLine;
using System.CommandLine.Parsing;
using ProServ.Integration.Cli.Output;
using ProServ.Integration.Schemas.Validation;

namespace ProServ.Integration.Cli.Validate;

/// <summary>Holds the options and the argument of <c>proserv validate</c>, and the rules that combine them.</summary>
internal sealed class ValidateSymbols
{
    public Option<string> Schema { get; } = new("--schema", "-s")
    {
        Description = "A published schema as <name>@<major> (for example time-entry@1), or <name> for its latest major version.",
        HelpName = "name@major",
    };

    public Option<string> SchemaFile { get; } = new("--schema-file")
    {
        Description = "The path of any other JSON Schema (draft 2020-12); its $ref to the published schemas resolve offline.",
        HelpName = "path",
    };

    public Option<bool> JsonLines { get; } = new("--jsonl")
    {
        Description = "Treat every line of each input as one instance (JSON Lines). Streams in constant memory; blank lines are " +
            "skipped; a malformed line is reported as an invalid instance (code json.malformed) and validation continues.",
    };

    public Option<string> Format { get; } = CliOptions.CreateFormat(
        "for one JSON object per instance and line: {file, line (with --jsonl), valid, errors: [{code, instanceLocation, keywordLocation, message}]}");

    public Option<bool> AllErrors { get; } = new("--all-errors")
    {
        Description = "Report every error of each instance (the default).",
    };

    public Option<bool> FirstError { get; } = new("--first-error")
    {
        Description = "Stop at the first error of each instance (faster on invalid data).",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only the instances that fail.",
    };

    public Argument<string[]> Files { get; } = new("file")
    {
        Description = "The JSON files to validate; '-' reads standard input.",
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>Adds every symbol to the command.</summary>
    /// <param name="command">The <c>validate</c> command.</param>
    public void AddTo(Command command)
    {
        command.Options.Add(Schema);
        command.Options.Add(SchemaFile);
        command.Options.Add(JsonLines);
        command.Options.Add(Format);
        command.Options.Add(AllErrors);
        command.Options.Add(FirstError);
        command.Options.Add(Quiet);
        command.Arguments.Add(Files);
        command.Validators.Add(Validate);
    }

    /// <summary>Reads the settings of a run.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The settings.</returns>
    public ValidateSettings GetSettings(ParseResult parseResult) => new(
        parseResult.GetValue(JsonLines),
        CliOptions.GetFormat(parseResult, Format),
        parseResult.GetValue(FirstError) ? ValidationOutputMode.FirstError : ValidationOutputMode.AllErrors,
        parseResult.GetValue(Quiet));

    private void Validate(CommandResult result)
    {
        bool hasSchema = result.GetResult(Schema) is not null;
        bool hasSchemaFile = result.GetResult(SchemaFile) is not null;
        if (hasSchema == hasSchemaFile)
        {
            result.AddError("Specify exactly one of --schema <name@major> and --schema-file <path>.");
        }

        if (result.GetValue(AllErrors) && result.GetValue(FirstError))
        {
            result.AddError("--all-errors and --first-error cannot be combined.");
        }

        int standardInputCount = 0;
        foreach (string file in result.GetValue(Files) ?? [])
        {
            if (string.Equals(file, ValidateCommand.StandardInputArgument, StringComparison.Ordinal))
            {
                standardInputCount++;
            }
        }

        if (standardInputCount > 1)
        {
            result.AddError("Standard input ('-') can be given only once.");
        }
    }
}
