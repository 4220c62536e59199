using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProServ.Integration.DependencyInjection;
using ProServ.Integration.Internal;

namespace ProServ.Integration.Sync;

/// <summary>Registers flows and the sync engine on an <see cref="IProServIntegrationBuilder"/>.</summary>
public static class SyncEngineBuilderExtensions
{
    /// <summary>Registers a flow the sync engine runs; flows run in registration order within a tenant's pass.</summary>
    /// <param name="builder">The integration builder.</param>
    /// <param name="factory">Creates the flow from the service provider (connectors, stores).</param>
    /// <returns>The builder.</returns>
    public static IProServIntegrationBuilder AddSyncFlow(this IProServIntegrationBuilder builder, Func<IServiceProvider, ISyncFlow> factory)
    {
        Guard.NotNull(builder);
        Guard.NotNull(factory);
        builder.Services.AddKeyedSingleton<ISyncFlow>(builder.Name, (sp, _) => factory(sp));
        return builder;
    }

    /// <summary>Registers the sync engine as a hosted service, with options validated at start.</summary>
    /// <param name="builder">The integration builder.</param>
    /// <param name="configure">Sets the tenants, schedule and limits.</param>
    /// <returns>The builder.</returns>
    public static IProServIntegrationBuilder AddSyncEngine(this IProServIntegrationBuilder builder, Action<SyncEngineOptions> configure)
    {
        Guard.NotNull(configure);
        return AddCore(builder, options => options.Configure(configure));
    }

    /// <summary>Registers the sync engine as a hosted service, with options bound from configuration and validated at start.</summary>
    /// <param name="builder">The integration builder.</param>
    /// <param name="section">The configuration section with the <see cref="SyncEngineOptions"/> values.</param>
    /// <returns>The builder.</returns>
    public static IProServIntegrationBuilder AddSyncEngine(this IProServIntegrationBuilder builder, IConfigurationSection section)
    {
        Guard.NotNull(section);
        return AddCore(builder, options => options.Bind(section));
    }

    private static IProServIntegrationBuilder AddCore(IProServIntegrationBuilder builder, Action<OptionsBuilder<SyncEngineOptions>> configure)
    {
        Guard.NotNull(builder);
        var name = builder.Name;
        var services = builder.Services;
        configure(services.AddOptions<SyncEngineOptions>(name).ValidateOnStart());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncEngineOptions>, SyncEngineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(d => d.IsKeyedService && d.ServiceType == typeof(SyncEngine) && Equals(d.ServiceKey, name)))
        {
            services.AddKeyedSingleton(name, (sp, _) => new SyncEngine(
                sp.GetKeyedServices<ISyncFlow>(name),
                Options.Create(sp.GetRequiredService<IOptionsMonitor<SyncEngineOptions>>().Get(name)),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<SyncEngine>>()));
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<SyncEngine>(name));
        }

        return builder;
    }
}
