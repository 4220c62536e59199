using Npgsql;

namespace ProServ.Integration.PostgreSql;

/// <summary>Configures the PostgreSQL durable stores.</summary>
/// <remarks>
/// <para>Set exactly one of <see cref="DataSource"/> (recommended: one pooled <see cref="NpgsqlDataSource"/> per database,
/// shared by every store of the process) and <see cref="ConnectionString"/> (the store then creates and owns a data
/// source, disposed with the store). All stores of one host may share one schema; each table is keyed by tenant.</para>
/// <para>A store validates its options once, in its constructor, and throws one <see cref="ArgumentException"/> naming
/// every problem.</para>
/// </remarks>
public sealed class PostgreSqlStoreOptions
{
    /// <summary>Gets or sets the data source the stores open connections from. The default value is <see langword="null"/>.</summary>
    /// <remarks>The caller owns it and disposes it after the stores.</remarks>
    public NpgsqlDataSource? DataSource { get; set; }

    /// <summary>Gets or sets the connection string, used when <see cref="DataSource"/> is not set. The default value is <see langword="null"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the schema that holds the tables. The default value is <c>proserv</c>.</summary>
    /// <remarks>A lowercase unquoted identifier: a letter or underscore, then letters, digits or underscores, at most 63 characters.</remarks>
    public string SchemaName { get; set; } = PostgreSqlConstants.DefaultSchemaName;

    /// <summary>
    /// Gets or sets a value indicating whether a store creates the schema and tables on first use (idempotent DDL under an
    /// advisory lock). The default value is <see langword="true"/>; turn it off when a DBA applies
    /// <c>Sql/proserv-stores.v1.sql</c> and the application's role may not run DDL.
    /// </summary>
    public bool CreateSchemaOnStartup { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a bulk dead-letter replay keeps a claimed page of items from other replay workers. The default
    /// value is 5 minutes; it must exceed the time the handler takes for one page.
    /// </summary>
    public TimeSpan ReplayClaimDuration { get; set; } = PostgreSqlConstants.DefaultReplayClaimDuration;
}
