using Npgsql;
using ProServ.Integration.PostgreSql.Checkpoints;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.PostgreSql.Tests.Schema;

/// <summary>The start-up DDL, the DBA script and the options that name the schema.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreSchemaTests(PostgreSqlServerFixture server)
{
    private static readonly string ScriptPath =
        Path.Combine(RepositoryLayout.Root, "src", "ProServ.Integration.PostgreSql", "Sql", "proserv-stores.v1.sql");

    [Fact]
    public void GetScript_DefaultSchema_EqualsShippedSqlFile()
    {
        var file = File.ReadAllText(ScriptPath).ReplaceLineEndings("\n");

        Assert.Equal(file, PostgreSqlStoreSchema.GetScript());
        Assert.Equal(file, PostgreSqlStoreSchema.GetScript("proserv"));
    }

    [Fact]
    public void GetScript_OtherSchema_RenamesEveryReferenceAndNothingElse()
    {
        var original = PostgreSqlStoreSchema.GetScript();
        var renamed = PostgreSqlStoreSchema.GetScript("billing_sync");

        Assert.DoesNotContain("proserv.", renamed, StringComparison.Ordinal);
        Assert.DoesNotContain("proserv;", renamed, StringComparison.Ordinal);
        Assert.Contains("CREATE SCHEMA IF NOT EXISTS billing_sync;", renamed, StringComparison.Ordinal);
        Assert.Equal(original.Replace("proserv.", "billing_sync.", StringComparison.Ordinal).Replace("proserv;", "billing_sync;", StringComparison.Ordinal), renamed);
    }

    [Fact]
    public void GetScript_OutboxAndInboxTables_ArePrintedInOutboxDocs()
    {
        var script = PostgreSqlStoreSchema.GetScript();
        var tables = script[script.IndexOf("-- Outbox (IOutboxStore)", StringComparison.Ordinal)..];
        var docs = File.ReadAllText(Path.Combine(RepositoryLayout.DocsFolder, "outbox.md")).ReplaceLineEndings("\n");

        Assert.Contains("CREATE TABLE IF NOT EXISTS proserv.inbox", tables, StringComparison.Ordinal);
        Assert.Contains(tables, docs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Proserv")]
    [InlineData("pro-serv")]
    [InlineData("1proserv")]
    [InlineData("proserv; DROP TABLE x")]
    [InlineData("")]
    public void GetScript_NotAnIdentifier_ThrowsArgumentException(string schema)
    {
        Assert.Throws<ArgumentException>(() => PostgreSqlStoreSchema.GetScript(schema));
    }

    [Fact]
    public async Task ScriptRunByHand_AndStartupDdl_CreateTheSameCatalog()
    {
        var dataSource = await server.DatabaseAsync(GetType());
        await using (var byHand = dataSource.CreateCommand(PostgreSqlStoreSchema.GetScript("by_hand")))
        {
            await byHand.ExecuteNonQueryAsync();
        }

        await PostgreSqlStoreSchema.EnsureCreatedAsync(new PostgreSqlStoreOptions { DataSource = dataSource, SchemaName = "at_startup" });

        var byHandCatalog = await CatalogAsync(dataSource, "by_hand");
        var startupCatalog = await CatalogAsync(dataSource, "at_startup");
        Assert.Equal(byHandCatalog, startupCatalog);
        Assert.Contains(byHandCatalog, line => line.StartsWith("column idempotency_keys.lease_token uuid", StringComparison.Ordinal));
        Assert.Contains(byHandCatalog, line => line.StartsWith("column outbox.lease_token uuid", StringComparison.Ordinal));
        Assert.Equal(7, byHandCatalog.Count(line => line.StartsWith("table ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EnsureCreated_SixteenConcurrentInitialisers_AllSucceedAndTablesExistOnce()
    {
        var connectionString = (await server.DatabaseAsync(GetType())).ConnectionString;
        var dataSources = Enumerable.Range(0, 16).Select(_ => NpgsqlDataSource.Create(connectionString)).ToArray();
        try
        {
            // Separate data sources: sixteen processes starting at once, each with its own connection.
            await Task.WhenAll(dataSources.Select(source => Task.Run(() =>
                PostgreSqlStoreSchema.EnsureCreatedAsync(new PostgreSqlStoreOptions { DataSource = source, SchemaName = "racing_start" }))));
            await PostgreSqlStoreSchema.EnsureCreatedAsync(new PostgreSqlStoreOptions { DataSource = dataSources[0], SchemaName = "racing_start" });

            var catalog = await CatalogAsync(dataSources[0], "racing_start");
            Assert.Equal(
                ["checkpoint", "dead_letter", "idempotency_keys", "inbox", "outbox", "xref", "xref_history"],
                catalog.Where(l => l.StartsWith("table ", StringComparison.Ordinal)).Select(l => l["table ".Length..]).ToArray());
        }
        finally
        {
            foreach (var source in dataSources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Store_CreateSchemaOnStartupOff_RunsNoDdl()
    {
        var options = new PostgreSqlStoreOptions { DataSource = await server.DatabaseAsync(GetType()), SchemaName = "dba_managed", CreateSchemaOnStartup = false };
        var store = new PostgreSqlCheckpointStore(options);

        var error = await Assert.ThrowsAsync<PostgresException>(async () => await store.GetAsync("t", "c", "s"));

        Assert.Equal("42P01", error.SqlState); // undefined_table: nothing was created
    }

    [Fact]
    public void Options_SeveralProblems_OneExceptionNamingEach()
    {
        var options = new PostgreSqlStoreOptions { SchemaName = "Bad-Name", ReplayClaimDuration = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlCheckpointStore(options));

        Assert.Contains("DataSource or PostgreSqlStoreOptions.ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("SchemaName 'Bad-Name'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReplayClaimDuration", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public async Task Options_BothDataSourceAndConnectionString_Rejected()
    {
        var dataSource = await server.DatabaseAsync(GetType());
        var options = new PostgreSqlStoreOptions { DataSource = dataSource, ConnectionString = dataSource.ConnectionString };

        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlCheckpointStore(options));

        Assert.Contains("only one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_FromConnectionString_OwnsAndDisposesItsDataSource()
    {
        var connectionString = (await server.DatabaseAsync(GetType())).ConnectionString;
        var store = new PostgreSqlCheckpointStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, SchemaName = "owned" });
        await store.AdvanceAsync("t-owned", "psa", "projects", 0, "p-1");
        Assert.Equal("p-1", (await store.GetAsync("t-owned", "psa", "projects"))!.Cursor);

        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await store.GetAsync("t-owned", "psa", "projects"));
    }

    /// <summary>Lists a schema's tables, columns (type, nullability, default) and index definitions, schema name removed.</summary>
    private static async Task<List<string>> CatalogAsync(NpgsqlDataSource dataSource, string schema)
    {
        var lines = new List<string>();
        await using var command = dataSource.CreateCommand("""
            SELECT 'table ' || table_name FROM information_schema.tables WHERE table_schema = $1
            UNION ALL
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') || ' ' || is_identity
            FROM information_schema.columns WHERE table_schema = $1
            UNION ALL
            SELECT 'index ' || replace(indexdef, $1 || '.', '') FROM pg_indexes WHERE schemaname = $1
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = $1::regnamespace
            ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0).Replace(schema + ".", string.Empty, StringComparison.Ordinal));
        }

        return lines;
    }
}
