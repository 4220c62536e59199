using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Schemas.Catalog;

/// <summary>Holds the naming rules of published schemas: kebab-case names, <c>name.v{major}.schema.json</c> file names,
/// embedded resource names, and the map from schema names to canonical model types.</summary>
internal static partial class SchemaNaming
{
    /// <summary>The prefix of the logical name of every embedded schema resource.</summary>
    public const string ResourcePrefix = "ProServ.Integration.Schemas.";

    /// <summary>Gets the canonical CLR types by schema name (<c>time-entry</c> → <c>TimeEntry</c>), from <see cref="CanonicalSchemaIds.RecordTypes"/>.</summary>
    public static FrozenDictionary<string, Type> CanonicalTypes { get; } =
        CanonicalSchemaIds.RecordTypes.ToFrozenDictionary(CanonicalSchemaIds.GetSchemaName, StringComparer.Ordinal);

    /// <summary>The suffix of every schema file name.</summary>
    public const string FileSuffix = ".schema.json";

    private const int RegexTimeoutMilliseconds = 1000;

    /// <summary>Gets a value indicating whether <paramref name="name"/> is a valid kebab-case schema name.</summary>
    /// <param name="name">The candidate name.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidName(string? name) => name is not null && NameRegex().IsMatch(name);

    /// <summary>Parses a file name <c>name.v{major}.schema.json</c>.</summary>
    /// <param name="fileName">The file name, without directory.</param>
    /// <param name="reference">The reference, when valid.</param>
    /// <returns><see langword="true"/> when the file name follows the pattern.</returns>
    public static bool TryParseFileName(string? fileName, out SchemaReference reference)
    {
        reference = default;
        if (fileName is null)
        {
            return false;
        }

        var match = FileNameRegex().Match(fileName);
        if (!match.Success || !TryParseMajor(match.Groups["major"].Value, out var major))
        {
            return false;
        }

        reference = new SchemaReference(match.Groups["name"].Value, major);
        return true;
    }

    /// <summary>Parses a major version: digits only, no sign, no leading zero, 1 or greater.</summary>
    /// <param name="text">The text.</param>
    /// <param name="major">The major version, when valid.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParseMajor(ReadOnlySpan<char> text, out int major)
    {
        major = 0;
        if (text.IsEmpty || text[0] == '0')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out major) && major >= 1;
    }

    /// <summary>Returns the file name a schema is published as.</summary>
    /// <param name="reference">The schema reference.</param>
    /// <returns>For example <c>time-entry.v1.schema.json</c>.</returns>
    public static string ToFileName(SchemaReference reference) =>
        string.Create(CultureInfo.InvariantCulture, $"{reference.Name}.v{reference.Major}{FileSuffix}");

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"^(?<name>[a-z][a-z0-9]*(-[a-z0-9]+)*)\.v(?<major>[0-9]+)\.schema\.json$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, RegexTimeoutMilliseconds)]
    private static partial Regex FileNameRegex();
}
