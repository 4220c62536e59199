namespace ProServ.Integration.Schemas.Catalog;

/// <summary>Names one published schema: a kebab-case name and a major version, written <c>name@major</c> (for example <c>time-entry@1</c>).</summary>
/// <param name="Name">The kebab-case schema name, for example <c>time-entry</c>.</param>
/// <param name="Major">The major version, 1 or greater.</param>
/// <remarks>The name matches <c>^[a-z][a-z0-9]*(-[a-z0-9]+)*$</c>; the major version is written in decimal without sign or leading zero.
/// <see cref="Parse"/> and <see cref="TryParse"/> enforce both rules.</remarks>
public readonly record struct SchemaReference(string Name, int Major)
{
    /// <summary>Parses <c>name@major</c>; a bare <c>name</c> is not accepted here (see <see cref="SchemaCatalog.GetLatest"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not <c>name@major</c>.</exception>
    public static SchemaReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var reference)
            ? reference
            : throw new FormatException($"'{text}' is not a schema reference: expected name@major, a kebab-case name and a major version of 1 or more, for example 'time-entry@1'.");
    }

    /// <summary>Tries to parse <c>name@major</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="reference">The reference, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse(string? text, out SchemaReference reference)
    {
        reference = default;
        if (text is null)
        {
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        var name = text[..at];
        if (!SchemaNaming.IsValidName(name) || !SchemaNaming.TryParseMajor(text.AsSpan(at + 1), out var major))
        {
            return false;
        }

        reference = new SchemaReference(name, major);
        return true;
    }

    /// <summary>Returns <c>name@major</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Name}@{Major}";
}
