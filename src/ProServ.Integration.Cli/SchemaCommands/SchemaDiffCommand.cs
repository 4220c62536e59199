using System.CommandLine;
using System.Text.Json;
using ProServ.Integration.Cli.Output;
using ProServ.Integration.Schemas.Compatibility;

namespace ProServ.Integration.Cli.SchemaCommands;

/// <summary>Creates <c>proserv schemas diff</c>: classifies every change between two schema versions.</summary>
internal static class SchemaDiffCommand
{
    public static Command Create(CliConsole console)
    {
        var previous = new Argument<string>("previous")
        {
            Description = "The earlier version: <name>@<major> of a published schema, or the path of a schema file (for example a draft).",
        };
        var next = new Argument<string>("next")
        {
            Description = "The later version: <name>@<major> of a published schema, or the path of a schema file.",
        };
        Option<string> format = CliOptions.CreateFormat("for one object {previous, next, level, breaking, changes}");
        var command = new Command(
            "diff",
            "Compare two versions of a schema. Prints each change on one line - flags (B: breaks backward, F: breaks forward), " +
            "location, description - then the compatibility level. Exits 1 when the change is breaking, 0 otherwise.")
        {
            previous,
            next,
            format,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetRequiredValue(previous),
            parseResult.GetRequiredValue(next),
            CliOptions.GetFormat(parseResult, format),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string previousText, string nextText, OutputFormat format, CancellationToken cancellationToken)
    {
        (JsonDocument? previous, string? previousError) = await SchemaLocator.LoadDocumentAsync(previousText, cancellationToken).ConfigureAwait(false);
        using (previous)
        {
            if (previous is null)
            {
                console.WriteError(previousError!);
                return ExitCodes.UsageOrInputError;
            }

            (JsonDocument? next, string? nextError) = await SchemaLocator.LoadDocumentAsync(nextText, cancellationToken).ConfigureAwait(false);
            using (next)
            {
                if (next is null)
                {
                    console.WriteError(nextError!);
                    return ExitCodes.UsageOrInputError;
                }

                CompatibilityReport report = SchemaCompatibilityChecker.Compare(previous.RootElement, next.RootElement);
                if (format == OutputFormat.Json)
                {
                    WriteJson(console, previousText, nextText, report);
                }
                else
                {
                    WriteText(console, report);
                }

                return report.IsBreaking ? ExitCodes.Failure : ExitCodes.Success;
            }
        }
    }

    private static void WriteText(CliConsole console, CompatibilityReport report)
    {
        TextWriter output = console.Out;
        int locationWidth = 0;
        foreach (SchemaChange change in report.Changes)
        {
            locationWidth = Math.Max(locationWidth, DisplayLocation(change.Location).Length);
        }

        if (report.Changes.Count == 0)
        {
            output.WriteLine("no changes");
        }

        foreach (SchemaChange change in report.Changes)
        {
            output.Write(change.BreaksBackward ? 'B' : '-');
            output.Write(change.BreaksForward ? 'F' : '-');
            output.Write(' ');
            output.Write(DisplayLocation(change.Location).PadRight(locationWidth));
            output.Write("  ");
            output.WriteLine(change.Description);
        }

        output.Write("compatibility: ");
        output.Write(JsonOutput.CamelCase(report.Level.ToString()));
        output.WriteLine(report.IsBreaking ? " (breaking)" : " (not breaking)");
    }

    private static void WriteJson(CliConsole console, string previousText, string nextText, CompatibilityReport report)
    {
        using var output = new JsonOutput(console.Out, indented: true);
        Utf8JsonWriter writer = output.Writer;
        writer.WriteStartObject();
        writer.WriteString("previous", previousText);
        writer.WriteString("next", nextText);
        writer.WriteString("level", JsonOutput.CamelCase(report.Level.ToString()));
        writer.WriteBoolean("breaking", report.IsBreaking);
        writer.WriteStartArray("changes");
        foreach (SchemaChange change in report.Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", JsonOutput.CamelCase(change.Kind.ToString()));
            writer.WriteString("location", change.Location);
            writer.WriteString("description", change.Description);
            writer.WriteBoolean("breaksBackward", change.BreaksBackward);
            writer.WriteBoolean("breaksForward", change.BreaksForward);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        output.Commit();
    }

    private static string DisplayLocation(string location) => location.Length == 0 ? "(root)" : location;
}
