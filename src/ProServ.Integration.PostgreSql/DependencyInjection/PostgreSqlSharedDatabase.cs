using Npgsql;

namespace ProServ.Integration.PostgreSql.DependencyInjection;

/// <summary>
/// Holds the one <see cref="NpgsqlDataSource"/> every PostgreSQL store of a named instance opens connections from, and the
/// store options that point at it. Owns (and disposes) the data source only when it was built from a connection string.
/// </summary>
internal sealed class PostgreSqlSharedDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _owned;

    public PostgreSqlSharedDatabase(PostgreSqlStoreOptions configured)
    {
        PostgreSqlStoreOptionsValidator.ThrowIfInvalid(configured);
        var dataSource = configured.DataSource;
        if (dataSource is null)
        {
            _owned = NpgsqlDataSource.Create(configured.ConnectionString!);
            dataSource = _owned;
        }

        Options = new PostgreSqlStoreOptions
        {
            DataSource = dataSource,
            SchemaName = configured.SchemaName,
            CreateSchemaOnStartup = configured.CreateSchemaOnStartup,
            ReplayClaimDuration = configured.ReplayClaimDuration,
        };
    }

    /// <summary>Gets options naming the shared data source; stores built from them do not dispose it.</summary>
    public PostgreSqlStoreOptions Options { get; }

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
