namespace ProServ.Integration.Schemas.Catalog;

/// <summary>Names one published schema: a kebab-case name and a major version, written <c>name@major</c> (for example <c>time-entry@1</c>).</summary>
/// <param name="Name">The kebab-case schema name, for example <c>time-entry</c>.</param>
/// <param name="Major">The major version, 1 or greater.</param>
public readonly record struct SchemaReference(string Name, int Major)
{
    /// <summary>Parses <c>name@major</c>; a bare <c>name</c> is not accepted here (see <see cref="SchemaCatalog.GetLatest"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="FormatException">The text is not <c>name@major</c>.</exception>
    public static SchemaReference Parse(string text) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Tries to parse <c>name@major</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="reference">The reference, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse(string? text, out SchemaReference reference) => throw new NotSupportedException("Not implemented yet.");

    /// <summary>Returns <c>name@major</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => $"{Name}@{Major}";
}
