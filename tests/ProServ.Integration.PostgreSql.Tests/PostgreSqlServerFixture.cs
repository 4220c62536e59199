using System.Collections.Concurrent;
using Npgsql;
using ProServ.Integration.Testing.PostgreSql;

namespace ProServ.Integration.PostgreSql.Tests;

/// <summary>
/// One PostgreSQL server per test run (a throwaway cluster, or PROSERV_POSTGRES_CONNECTION) and one fresh database per
/// test class. If the server cannot be started every test of the collection fails with the reason; none is skipped.
/// </summary>
public sealed class PostgreSqlServerFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<Type, Lazy<Task<NpgsqlDataSource>>> _databases = new();
    private int _schemas;

    public TemporaryPostgreSqlCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TemporaryPostgreSqlCluster.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values)
        {
            if (database.IsValueCreated && database.Value.IsCompletedSuccessfully)
            {
                await database.Value.Result.DisposeAsync();
            }
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }

    /// <summary>Gets the data source of the test class's own database, created on first use.</summary>
    public Task<NpgsqlDataSource> DatabaseAsync(Type testClass) =>
        _databases.GetOrAdd(testClass, _ => new Lazy<Task<NpgsqlDataSource>>(async () =>
        {
            var connectionString = await Cluster.CreateDatabaseAsync("proserv_" + testClass.Name.ToLowerInvariant()[..Math.Min(30, testClass.Name.Length)]);

            // Small pools that close idle connections within seconds: every class keeps its data source until the run
            // ends, and a server of your own (PROSERV_POSTGRES_CONNECTION) may allow only the default 100 connections.
            return NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
            {
                MaxPoolSize = 20,
                ConnectionIdleLifetime = 2,
                ConnectionPruningInterval = 1,
            }.ConnectionString);
        })).Value;

    /// <summary>Gets store options on the test class's database, in the default schema or a fresh one.</summary>
    public async Task<PostgreSqlStoreOptions> OptionsAsync(Type testClass, bool freshSchema = false) => new()
    {
        DataSource = await DatabaseAsync(testClass),
        SchemaName = freshSchema ? "s" + Interlocked.Increment(ref _schemas) : "proserv",
    };
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServerFixture>
{
    public const string Name = "PostgreSQL server";
}
