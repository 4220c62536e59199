using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.CrossReference;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.DependencyInjection;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Inbox;
using ProServ.Integration.Outbox;
using ProServ.Integration.Sqlite.Checkpoints;
using ProServ.Integration.Sqlite.DependencyInjection;
using ProServ.Integration.Sqlite.Inbox;
using ProServ.Integration.Sqlite.Outbox;

#pragma warning disable MA0002 // Assert.Equal on string sequences compares ordinally already.

namespace ProServ.Integration.Sqlite.Tests.DependencyInjection;

public sealed class SqliteProServIntegrationBuilderExtensionsTests : IDisposable
{
    private static readonly string[] Tables =
    [
        "proserv_checkpoint", "proserv_dead_letter", "proserv_idempotency_keys", "proserv_inbox", "proserv_outbox", "proserv_xref", "proserv_xref_history",
    ];

    private readonly SqliteScratchDatabase _first = new();
    private readonly SqliteScratchDatabase _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public async Task UseSqlite_HostStart_CreatesEveryTable()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProServIntegration().UseSqlite(options => options.ConnectionString = _first.ConnectionString);
        using var host = builder.Build();

        Assert.Empty(await TablesAsync(_first.ConnectionString));
        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(Tables, await TablesAsync(_first.ConnectionString));
    }

    [Fact]
    public async Task UseSqlite_Resolve_EveryStoreOnOneDatabase()
    {
        var services = new ServiceCollection();
        services.AddProServIntegration().UseSqlite(options => options.ConnectionString = _first.ConnectionString);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.IsType<SqliteIdempotencyStore>(provider.GetRequiredService<IIdempotencyStore>());
        Assert.Same(provider.GetRequiredService<ISqliteOutboxStore>(), provider.GetRequiredService<IOutboxStore>());
        Assert.Same(provider.GetRequiredService<ISqliteInboxStore>(), provider.GetRequiredService<IInboxStore>());
        Assert.Same(provider.GetRequiredService<ISqliteCheckpointStore>(), provider.GetRequiredService<ICheckpointStore>());
        Assert.Same(provider.GetRequiredKeyedService<IOutboxStore>(string.Empty), provider.GetRequiredService<IOutboxStore>());

        await provider.GetRequiredService<IOutboxStore>().EnqueueAsync(new OutboxMessage { Id = "m1", Tenant = "t1", Stream = "s", Type = "x", Payload = "{}"u8.ToArray() });
        await provider.GetRequiredService<ICrossReferenceStore>().GetOrCreateAsync("t1", "client", "crm", "001A", () => Guid.NewGuid());
        await provider.GetRequiredService<ICheckpointStore>().AdvanceAsync("t1", "crm", "accounts", 0, "c1");
        await provider.GetRequiredService<IInboxStore>().TryRecordAsync("billing", "m1");
        await provider.GetRequiredService<IIdempotencyStore>().TryBeginAsync(
            "t1", IdempotencyKey.Create("k"), RequestFingerprint.FromBytes("{}"u8), TimeSpan.FromSeconds(30), TimeSpan.FromDays(1), default);
        await provider.GetRequiredService<IDeadLetterStore>().AddAsync(new DeadLetterFailure
        {
            Tenant = "t1", Source = "s", IdempotencyKey = "k", ErrorCode = "e", ErrorMessage = "m", Payload = "{}"u8.ToArray(), ContentType = "application/json",
        });

        var fresh = SqliteOutboxStores.Create(new SqliteStoreOptions { ConnectionString = _first.ConnectionString });
        Assert.NotNull(await fresh.GetAsync("t1", "m1"));
        Assert.NotNull(await new SqliteIdempotencyStore(new SqliteStoreOptions { ConnectionString = _first.ConnectionString }).GetAsync("t1", IdempotencyKey.Create("k"), default));
        Assert.Equal(Tables, await TablesAsync(_first.ConnectionString));
    }

    [Fact]
    public async Task UseSqlite_ConfigurationSection_Bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Sqlite:ConnectionString"] = _first.ConnectionString,
            ["Sqlite:BusyTimeout"] = "00:00:02",
            ["Sqlite:DurableCommits"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddProServIntegration().UseSqlite(configuration.GetSection("Sqlite"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
        Assert.Equal(_first.ConnectionString, options.ConnectionString);
        Assert.Equal(TimeSpan.FromSeconds(2), options.BusyTimeout);
        Assert.False(options.DurableCommits);
    }

    [Fact]
    public async Task HostStart_InvalidSqliteOptions_ThrowsNamingTheField()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProServIntegration().UseSqlite(options =>
        {
            options.ConnectionString = "";
            options.BusyTimeout = TimeSpan.FromHours(1);
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("Sqlite:ConnectionString", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Sqlite:BusyTimeout", StringComparison.Ordinal) && f.Contains("01:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UseSqlite_NamedInstances_SeparateDatabases()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProServIntegration("eu", _ => { }).UseSqlite(options => options.ConnectionString = _first.ConnectionString);
        builder.Services.AddProServIntegration("us", _ => { }).UseSqlite(options => options.ConnectionString = _second.ConnectionString);
        using var host = builder.Build();
        await host.StartAsync();

        var eu = host.Services.GetRequiredKeyedService<IOutboxStore>("eu");
        await eu.EnqueueAsync(new OutboxMessage { Id = "m1", Tenant = "t1", Stream = "s", Type = "x", Payload = "{}"u8.ToArray() });
        await host.StopAsync();

        Assert.IsAssignableFrom<ISqliteOutboxStore>(eu);
        Assert.Null(await host.Services.GetRequiredKeyedService<IOutboxStore>("us").GetAsync("t1", "m1"));
        Assert.NotNull(await SqliteOutboxStores.Create(new SqliteStoreOptions { ConnectionString = _first.ConnectionString }).GetAsync("t1", "m1"));
        Assert.Equal(Tables, await TablesAsync(_second.ConnectionString));
        Assert.Null(host.Services.GetService<IOutboxStore>());
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'proserv_%' ORDER BY name;";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
