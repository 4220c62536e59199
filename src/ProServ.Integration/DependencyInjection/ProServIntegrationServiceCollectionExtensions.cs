using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.CrossReference;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Inbox;
using ProServ.Integration.Internal;
using ProServ.Integration.Outbox;

namespace ProServ.Integration.DependencyInjection;

/// <summary>Registers ProServ.Integration in a service collection.</summary>
/// <remarks>
/// <para>Registers, keyed by the instance name: the in-memory stores (<see cref="IIdempotencyStore"/>, <see cref="ICrossReferenceStore"/>,
/// <see cref="ICheckpointStore"/>, <see cref="IDeadLetterStore"/>, <see cref="IOutboxStore"/>, <see cref="IInboxStore"/>) — replace
/// them with durable ones, for example with <c>UseSqlite</c> — and <see cref="IdempotentExecutor"/>. The default instance (no name)
/// registers the same services without a key too. <see cref="TimeProvider.System"/> is registered unless a
/// <see cref="TimeProvider"/> already is. Every registration uses <c>TryAdd</c>, so calling this twice is harmless, and
/// <see cref="ProServIntegrationOptions"/> are validated when the host starts.</para>
/// </remarks>
public static class ProServIntegrationServiceCollectionExtensions
{
    /// <summary>Registers the default instance with default options.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder, for chaining <c>UseSqlite</c> and friends.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder AddProServIntegration(this IServiceCollection services) =>
        AddCore(services, Options.DefaultName, static _ => { });

    /// <summary>Registers the default instance and configures its options in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder AddProServIntegration(this IServiceCollection services, Action<ProServIntegrationOptions> configure)
    {
        Guard.NotNull(configure);
        return AddCore(services, Options.DefaultName, options => options.Configure(configure));
    }

    /// <summary>Registers the default instance and binds its options to a configuration section (for example <c>ProServ</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <c>Idempotency</c>, <c>Outbox</c> and <c>DeadLetter</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder AddProServIntegration(this IServiceCollection services, IConfigurationSection section)
    {
        Guard.NotNull(section);
        return AddCore(services, Options.DefaultName, options => options.Bind(section));
    }

    /// <summary>Registers a named instance, whose services are keyed by <paramref name="name"/>, and configures its options in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The instance name, for example a region or a tenant group.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IProServIntegrationBuilder AddProServIntegration(this IServiceCollection services, string name, Action<ProServIntegrationOptions> configure)
    {
        Guard.NotNullOrWhiteSpace(name);
        Guard.NotNull(configure);
        return AddCore(services, name, options => options.Configure(configure));
    }

    /// <summary>Registers a named instance, whose services are keyed by <paramref name="name"/>, and binds its options to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The instance name.</param>
    /// <param name="section">The section holding <c>Idempotency</c>, <c>Outbox</c> and <c>DeadLetter</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static IProServIntegrationBuilder AddProServIntegration(this IServiceCollection services, string name, IConfigurationSection section)
    {
        Guard.NotNullOrWhiteSpace(name);
        Guard.NotNull(section);
        return AddCore(services, name, options => options.Bind(section));
    }

    /// <summary>Registers an <see cref="OutboxRelay"/> for the instance, publishing through <typeparamref name="TPublisher"/>, and
    /// a hosted service that runs it while the host runs.</summary>
    /// <typeparam name="TPublisher">The publisher, registered as a keyed singleton unless one is registered for the instance.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder AddOutboxRelay<TPublisher>(this IProServIntegrationBuilder builder)
        where TPublisher : class, IOutboxPublisher
    {
        Guard.NotNull(builder);
        var name = builder.Name;
        var services = builder.Services;
        services.TryAddKeyedSingleton<IOutboxPublisher, TPublisher>(name);
        if (!services.Any(d => d.IsKeyedService && d.ServiceType == typeof(OutboxRelay) && Equals(d.ServiceKey, name)))
        {
            services.AddKeyedSingleton(name, (sp, _) => new OutboxRelay(
                sp.GetRequiredKeyedService<IOutboxStore>(name),
                sp.GetRequiredKeyedService<IOutboxPublisher>(name),
                sp.GetRequiredKeyedService<IDeadLetterStore>(name),
                Options.Create(Current(sp, name).Outbox),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<Microsoft.Extensions.Logging.ILogger<OutboxRelay>>()));
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new OutboxRelayHostedService(sp.GetRequiredKeyedService<OutboxRelay>(name)));
        }

        return builder;
    }

    private static ProServIntegrationBuilder AddCore(IServiceCollection services, string name, Action<OptionsBuilder<ProServIntegrationOptions>> configure)
    {
        Guard.NotNull(services);
        var options = services.AddOptions<ProServIntegrationOptions>(name);
        configure(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProServIntegrationOptions>, ProServIntegrationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddKeyedSingleton<IIdempotencyStore>(name, static (sp, _) => new InMemoryIdempotencyStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton(name, static (sp, _) => CrossReferenceStores.CreateInMemory(sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton(name, static (sp, _) => CheckpointStores.CreateInMemory(sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton(name, (sp, _) => DeadLetterStores.CreateInMemory(Current(sp, name).DeadLetter, sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton(name, static (sp, _) => OutboxStores.CreateInMemory(sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton(name, static (sp, _) => InboxStores.CreateInMemory(sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton(name, (sp, _) => new IdempotentExecutor(
            sp.GetRequiredKeyedService<IIdempotencyStore>(name),
            Options.Create(Current(sp, name).Idempotency),
            sp.GetRequiredService<TimeProvider>()));

        if (string.Equals(name, Options.DefaultName, StringComparison.Ordinal))
        {
            Forward<IIdempotencyStore>(services, name);
            Forward<ICrossReferenceStore>(services, name);
            Forward<ICheckpointStore>(services, name);
            Forward<IDeadLetterStore>(services, name);
            Forward<IOutboxStore>(services, name);
            Forward<IInboxStore>(services, name);
            Forward<IdempotentExecutor>(services, name);
        }

        return new ProServIntegrationBuilder(services, name);
    }

    private static ProServIntegrationOptions Current(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<ProServIntegrationOptions>>().Get(name);

    private static void Forward<TService>(IServiceCollection services, string name)
        where TService : class =>
        services.TryAddSingleton(sp => sp.GetRequiredKeyedService<TService>(name));
}
