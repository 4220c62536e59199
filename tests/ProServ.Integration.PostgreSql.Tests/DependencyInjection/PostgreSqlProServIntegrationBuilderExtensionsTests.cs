using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.CrossReference;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.DependencyInjection;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Inbox;
using ProServ.Integration.Outbox;
using ProServ.Integration.PostgreSql.Checkpoints;
using ProServ.Integration.PostgreSql.DependencyInjection;
using ProServ.Integration.PostgreSql.Idempotency;
using ProServ.Integration.PostgreSql.Inbox;
using ProServ.Integration.PostgreSql.Outbox;

namespace ProServ.Integration.PostgreSql.Tests.DependencyInjection;

/// <summary><c>UsePostgreSql</c> with a real host against the temporary cluster: every store, one schema, DDL and validation on start.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlProServIntegrationBuilderExtensionsTests(PostgreSqlServerFixture server)
{
    private const string Tables = "checkpoint,dead_letter,idempotency_keys,inbox,outbox,xref,xref_history";

    private static int _schemas;

    [Fact]
    public async Task UsePostgreSql_HostStart_CreatesEveryTable()
    {
        var (connectionString, schema) = await FreshAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProServIntegration().UsePostgreSql(options =>
        {
            options.ConnectionString = connectionString;
            options.SchemaName = schema;
        });
        using var host = builder.Build();

        Assert.Equal(string.Empty, await TablesAsync(schema));
        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(Tables, await TablesAsync(schema));
    }

    [Fact]
    public async Task UsePostgreSql_Resolve_EveryStoreOnOneSchema()
    {
        var (connectionString, schema) = await FreshAsync();
        var services = new ServiceCollection();
        services.AddProServIntegration().UsePostgreSql(options =>
        {
            options.ConnectionString = connectionString;
            options.SchemaName = schema;
        });
        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }))
        {
            Assert.IsType<PostgreSqlIdempotencyStore>(provider.GetRequiredService<IIdempotencyStore>());
            Assert.IsType<PostgreSqlOutboxStore>(provider.GetRequiredService<IOutboxStore>());
            Assert.Same(provider.GetRequiredService<IPostgreSqlOutboxStore>(), provider.GetRequiredService<IOutboxStore>());
            Assert.Same(provider.GetRequiredService<IPostgreSqlInboxStore>(), provider.GetRequiredService<IInboxStore>());
            Assert.Same(provider.GetRequiredService<IPostgreSqlCheckpointStore>(), provider.GetRequiredService<ICheckpointStore>());
            Assert.Same(provider.GetRequiredKeyedService<IOutboxStore>(string.Empty), provider.GetRequiredService<IOutboxStore>());

            await provider.GetRequiredService<IOutboxStore>().EnqueueAsync(new OutboxMessage { Id = "m1", Tenant = "t1", Stream = "s", Type = "x", Payload = "{}"u8.ToArray() });
            await provider.GetRequiredService<ICrossReferenceStore>().GetOrCreateAsync("t1", "client", "crm", "001A", () => Guid.NewGuid());
            await provider.GetRequiredService<ICheckpointStore>().AdvanceAsync("t1", "crm", "accounts", 0, "c1");
            Assert.True(await provider.GetRequiredService<IInboxStore>().TryRecordAsync("billing", "m1"));
            await provider.GetRequiredService<IDeadLetterStore>().AddAsync(new DeadLetterFailure
            {
                Tenant = "t1", Source = "s", IdempotencyKey = "k", ErrorCode = "e", ErrorMessage = "m", Payload = "{}"u8.ToArray(), ContentType = "application/json",
            });
        }

        // Read back through stores of their own: everything landed in the configured schema.
        var options = new PostgreSqlStoreOptions { ConnectionString = connectionString, SchemaName = schema };
        await using var outbox = new PostgreSqlOutboxStore(options);
        await using var inbox = new PostgreSqlInboxStore(options);
        await using var checkpoints = new PostgreSqlCheckpointStore(options);
        Assert.NotNull(await outbox.GetAsync("t1", "m1"));
        Assert.False(await inbox.TryRecordAsync("billing", "m1"));
        Assert.Equal("c1", (await checkpoints.GetAsync("t1", "crm", "accounts"))!.Cursor);
        Assert.Equal(Tables, await TablesAsync(schema));
    }

    [Fact]
    public async Task UsePostgreSql_NamedInstances_EachOnItsOwnSchema()
    {
        var (connectionString, first) = await FreshAsync();
        var (_, second) = await FreshAsync();
        var services = new ServiceCollection();
        services.AddProServIntegration("north", _ => { }).UsePostgreSql(options => (options.ConnectionString, options.SchemaName) = (connectionString, first));
        services.AddProServIntegration("south", _ => { }).UsePostgreSql(options => (options.ConnectionString, options.SchemaName) = (connectionString, second));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<IOutboxStore>("north").EnqueueAsync(new OutboxMessage { Id = "n1", Tenant = "t", Stream = "s", Type = "x", Payload = "{}"u8.ToArray() });

        Assert.NotNull(await provider.GetRequiredKeyedService<IOutboxStore>("north").GetAsync("t", "n1"));
        Assert.Null(await provider.GetRequiredKeyedService<IOutboxStore>("south").GetAsync("t", "n1"));
    }

    [Fact]
    public async Task UsePostgreSql_ConfigurationSection_Bound()
    {
        var (connectionString, schema) = await FreshAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ProServ:PostgreSql:ConnectionString"] = connectionString,
            ["ProServ:PostgreSql:SchemaName"] = schema,
            ["ProServ:PostgreSql:ReplayClaimDuration"] = "00:02:00",
        }).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProServIntegration().UsePostgreSql(configuration.GetSection("ProServ:PostgreSql"));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<PostgreSqlStoreOptions>>().Get(Options.DefaultName);
        Assert.Equal((connectionString, schema, TimeSpan.FromMinutes(2)), (options.ConnectionString, options.SchemaName, options.ReplayClaimDuration));
        await host.StartAsync();
        await host.StopAsync();
        Assert.Equal(Tables, await TablesAsync(schema));
    }

    [Fact]
    public async Task UsePostgreSql_InvalidOptions_HostStartFailsNamingEveryField()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProServIntegration().UsePostgreSql(options =>
        {
            options.SchemaName = "Bad-Name";
            options.ReplayClaimDuration = TimeSpan.Zero;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains("ConnectionString", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("SchemaName 'Bad-Name'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ReplayClaimDuration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsePostgreSql_CreateSchemaOnStartupOff_HostStartCreatesNothing()
    {
        var (connectionString, schema) = await FreshAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProServIntegration().UsePostgreSql(options =>
        {
            options.ConnectionString = connectionString;
            options.SchemaName = schema;
            options.CreateSchemaOnStartup = false;
        });
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(string.Empty, await TablesAsync(schema));
    }

    private async Task<(string ConnectionString, string Schema)> FreshAsync()
    {
        var dataSource = await server.DatabaseAsync(GetType());
        return (dataSource.ConnectionString, "di" + Interlocked.Increment(ref _schemas));
    }

    private async Task<string> TablesAsync(string schema)
    {
        var dataSource = await server.DatabaseAsync(GetType());
        await using var command = dataSource.CreateCommand("SELECT string_agg(table_name::text, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        var result = await command.ExecuteScalarAsync();
        return result as string ?? string.Empty;
    }
}
