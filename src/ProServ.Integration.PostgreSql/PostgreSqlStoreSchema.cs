using System.Reflection;
using System.Text.RegularExpressions;

namespace ProServ.Integration.PostgreSql;

/// <summary>Gives the DDL of the PostgreSQL stores, for DBAs and migration tools, and creates it on demand.</summary>
/// <remarks>
/// The script is <c>Sql/proserv-stores.v1.sql</c> in the package; stores run exactly this text at start-up unless
/// <see cref="PostgreSqlStoreOptions.CreateSchemaOnStartup"/> is off. Every statement is idempotent
/// (<c>CREATE … IF NOT EXISTS</c>).
/// </remarks>
public static partial class PostgreSqlStoreSchema
{
    private static readonly Lazy<string> Template = new(LoadTemplate);

    /// <summary>Gets the version of the schema this package reads and writes.</summary>
    public static int Version => 1;

    /// <summary>Returns the DDL script for a schema name.</summary>
    /// <param name="schemaName">The schema; the default value is <c>proserv</c>.</param>
    /// <returns>The script, one statement per <c>;</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="schemaName"/> is not a lowercase identifier.</exception>
    public static string GetScript(string schemaName = PostgreSqlConstants.DefaultSchemaName)
    {
        if (!PostgreSqlStoreOptionsValidator.IsIdentifier(schemaName))
        {
            throw new ArgumentException($"Schema name '{schemaName}' is not a lowercase identifier.", nameof(schemaName));
        }

        var template = Template.Value;
        return string.Equals(schemaName, PostgreSqlConstants.DefaultSchemaName, StringComparison.Ordinal)
            ? template
            : SchemaReference().Replace(template, schemaName + "${end}");
    }

    /// <summary>Creates the schema and tables now (idempotent; serialised across processes by an advisory lock).</summary>
    /// <param name="options">The store options naming the database and schema.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the tables exist.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static async Task EnsureCreatedAsync(PostgreSqlStoreOptions options, CancellationToken cancellationToken = default)
    {
        var database = new PostgreSqlDatabase(options);
        await using (database.ConfigureAwait(false))
        {
            await database.CreateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string LoadTemplate()
    {
        using var stream = typeof(PostgreSqlStoreSchema).Assembly.GetManifestResourceStream(PostgreSqlConstants.ScriptResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {PostgreSqlConstants.ScriptResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    // "proserv." (a table reference) or "proserv;" (CREATE SCHEMA), never part of a longer word.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])proserv(?<end>[.;])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SchemaReference();
}
