using System.CommandLine;

namespace ProServ.Integration.Cli.Output;

/// <summary>Creates the options shared by several commands.</summary>
internal static class CliOptions
{
    private const string TextFormat = "text";
    private const string JsonFormat = "json";

    /// <summary>Creates the <c>--format</c> option, accepting <c>text</c> (the default) or <c>json</c>.</summary>
    /// <param name="jsonDescription">What the JSON format prints for this command.</param>
    /// <returns>The option.</returns>
    public static Option<string> CreateFormat(string jsonDescription)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "The output format: 'text' for people, or 'json' " + jsonDescription + ".",
            DefaultValueFactory = _ => TextFormat,
        };
        option.AcceptOnlyFromAmong(TextFormat, JsonFormat);
        return option;
    }

    /// <summary>Gets the parsed <c>--format</c>.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="option">The option from <see cref="CreateFormat"/>.</param>
    /// <returns>The format.</returns>
    public static OutputFormat GetFormat(ParseResult parseResult, Option<string> option) =>
        string.Equals(parseResult.GetValue(option), JsonFormat, StringComparison.Ordinal) ? OutputFormat.Json : OutputFormat.Text;
}
