using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
using ProServ.Integration.Testing;

namespace ProServ.Integration.Tests.DependencyInjection;

public sealed class ProServIntegrationServiceCollectionExtensionsTests
{
    private static readonly JsonTypeInfo<int> IntType = (JsonTypeInfo<int>)JsonSerializerOptions.Default.GetTypeInfo(typeof(int));

    [Fact]
    public async Task AddProServIntegration_Defaults_ResolvesWorkingInMemoryServices()
    {
        var services = new ServiceCollection();
        var builder = services.AddProServIntegration();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Equal(string.Empty, builder.Name);
        Assert.Same(services, builder.Services);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(provider.GetRequiredService<IOutboxStore>(), provider.GetRequiredKeyedService<IOutboxStore>(string.Empty));
        Assert.NotNull(provider.GetRequiredService<ICrossReferenceStore>());
        Assert.NotNull(provider.GetRequiredService<ICheckpointStore>());
        Assert.NotNull(provider.GetRequiredService<IDeadLetterStore>());
        Assert.NotNull(provider.GetRequiredService<IInboxStore>());
        Assert.IsType<InMemoryIdempotencyStore>(provider.GetRequiredService<IIdempotencyStore>());

        var executor = provider.GetRequiredService<IdempotentExecutor>();
        var runs = 0;
        var key = IdempotencyKey.Derive("t1", "billing.post", "te-1", 1);
        var fingerprint = RequestFingerprint.FromBytes("{}"u8);
        for (var i = 0; i < 2; i++)
        {
            await executor.ExecuteOnceAsync("t1", "billing.post", key, fingerprint, _ => ValueTask.FromResult(++runs), IntType, CancellationToken.None);
        }

        Assert.Equal(1, runs);
        Assert.Equal(IdempotencyState.Completed, (await provider.GetRequiredService<IIdempotencyStore>().GetAsync("t1", key, default))!.State);
    }

    [Fact]
    public async Task AddProServIntegration_TimeProviderAlreadyRegistered_KeptAndUsedByStores()
    {
        var time = new ManualTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(time);
        services.AddProServIntegration();
        services.AddProServIntegration();
        await using var provider = services.BuildServiceProvider();

        var outbox = provider.GetRequiredService<IOutboxStore>();
        await outbox.EnqueueAsync(new OutboxMessage { Id = "m1", Tenant = "t1", Stream = "s", Type = "x", Payload = "{}"u8.ToArray() });

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(time.GetUtcNow(), (await outbox.GetAsync("t1", "m1"))!.EnqueuedAt);
        Assert.Single(services, d => d.ServiceType == typeof(IOutboxStore) && !d.IsKeyedService);
    }

    [Fact]
    public async Task AddProServIntegration_ConfigureAction_OptionsApplied()
    {
        var services = new ServiceCollection();
        services.AddProServIntegration(options =>
        {
            options.Idempotency.LeaseDuration = TimeSpan.FromMinutes(2);
            options.Outbox.BatchSize = 7;
            options.DeadLetter.SensitivePropertyNames.Add("salary");
        });
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ProServIntegrationOptions>>().Get(Options.DefaultName);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Idempotency.LeaseDuration);
        Assert.Equal(7, options.Outbox.BatchSize);
        Assert.True(options.DeadLetter.SensitivePropertyNames.Contains("salary"));
    }

    [Fact]
    public async Task AddProServIntegration_ConfigurationSection_Bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ProServ:Idempotency:LeaseDuration"] = "00:01:30",
            ["ProServ:Idempotency:OperationRetention:billing.post"] = "30.00:00:00",
            ["ProServ:Outbox:MaxAttempts"] = "4",
            ["ProServ:Outbox:RetryBaseDelay"] = "00:00:02",
            ["ProServ:DeadLetter:RedactionPlaceholder"] = "[redacted]",
        }).Build();
        var services = new ServiceCollection();
        services.AddProServIntegration(configuration.GetSection("ProServ"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ProServIntegrationOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(90), options.Idempotency.LeaseDuration);
        Assert.Equal(TimeSpan.FromDays(30), options.Idempotency.OperationRetention["billing.post"]);
        Assert.Equal(4, options.Outbox.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Outbox.RetryBaseDelay);
        Assert.Equal("[redacted]", options.DeadLetter.RedactionPlaceholder);
    }

    [Fact]
    public async Task HostStart_InvalidOptions_ThrowsListingEveryProblem()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProServIntegration(options =>
        {
            options.Idempotency.DefaultRetention = TimeSpan.FromSeconds(1);
            options.Outbox.BatchSize = 0;
            options.Outbox.RetryMaxDelay = TimeSpan.FromMilliseconds(10);
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Idempotency:DefaultRetention (00:00:01)", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Outbox:BatchSize", StringComparison.Ordinal) && f.Contains("'0'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Outbox:RetryMaxDelay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostStart_ValidOptions_Starts()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddProServIntegration(options => options.Outbox.BatchSize = 50);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(50, host.Services.GetRequiredService<IOptions<ProServIntegrationOptions>>().Value.Outbox.BatchSize);
    }

    [Fact]
    public async Task AddProServIntegration_NamedInstances_KeyedAndIndependent()
    {
        var services = new ServiceCollection();
        var eu = services.AddProServIntegration("eu", options => options.Outbox.BatchSize = 10);
        services.AddProServIntegration("us", options => options.Outbox.BatchSize = 20);
        await using var provider = services.BuildServiceProvider();

        Assert.Equal("eu", eu.Name);
        var euOutbox = provider.GetRequiredKeyedService<IOutboxStore>("eu");
        var usOutbox = provider.GetRequiredKeyedService<IOutboxStore>("us");
        Assert.NotSame(euOutbox, usOutbox);
        await euOutbox.EnqueueAsync(new OutboxMessage { Id = "m1", Tenant = "t1", Stream = "s", Type = "x", Payload = "{}"u8.ToArray() });
        Assert.Null(await usOutbox.GetAsync("t1", "m1"));
        Assert.Null(provider.GetService<IOutboxStore>());
        Assert.NotSame(provider.GetRequiredKeyedService<IdempotentExecutor>("eu"), provider.GetRequiredKeyedService<IdempotentExecutor>("us"));
        var monitor = provider.GetRequiredService<IOptionsMonitor<ProServIntegrationOptions>>();
        Assert.Equal(10, monitor.Get("eu").Outbox.BatchSize);
        Assert.Equal(20, monitor.Get("us").Outbox.BatchSize);
        Assert.Throws<ArgumentException>(() => services.AddProServIntegration(" ", _ => { }));
    }

    [Fact]
    public async Task AddOutboxRelay_HostRunning_PublishesEnqueuedMessage()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<SignallingPublisher>();
        builder.Services.AddProServIntegration(options => options.Outbox.PollInterval = TimeSpan.FromMilliseconds(10))
            .AddOutboxRelay<SignallingPublisher>();
        using var host = builder.Build();
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        await outbox.EnqueueAsync(new OutboxMessage { Id = "m1", Tenant = "t1", Stream = "s", Type = "x", Payload = Encoding.UTF8.GetBytes("{\"n\":1}") });

        await host.StartAsync();
        var publisher = Assert.IsType<SignallingPublisher>(host.Services.GetRequiredKeyedService<IOutboxPublisher>(string.Empty));
        var published = await publisher.First.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal("m1", published.Id);
        Assert.Equal(OutboxState.Published, (await outbox.GetAsync("t1", "m1"))!.State);
    }

    private sealed class SignallingPublisher : IOutboxPublisher
    {
        public TaskCompletionSource<OutboxEntry> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask PublishAsync(OutboxEntry message, CancellationToken cancellationToken)
        {
            First.TrySetResult(message);
            return ValueTask.CompletedTask;
        }
    }
}
