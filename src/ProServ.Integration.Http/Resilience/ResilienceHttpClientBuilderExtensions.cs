using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProServ.Integration.Http.Resilience.Internal;

namespace ProServ.Integration.Http.Resilience;

/// <summary>Adds the ProServ resilience handler to a named HTTP client: one pipeline per target system.</summary>
public static class ResilienceHttpClientBuilderExtensions
{
    /// <summary>Adds the resilience handler with the default options.</summary>
    /// <param name="builder">The HTTP client builder; its name names the target and its options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddProServResilienceHandler(this IHttpClientBuilder builder) => AddCore(builder, null, null);

    /// <summary>Adds the resilience handler and configures its options.</summary>
    /// <param name="builder">The HTTP client builder; its name names the target and its options.</param>
    /// <param name="configure">Configures the target's options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddProServResilienceHandler(this IHttpClientBuilder builder, Action<HttpResilienceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(builder, null, configure);
    }

    /// <summary>Adds the resilience handler and binds its options from configuration.</summary>
    /// <param name="builder">The HTTP client builder; its name names the target and its options.</param>
    /// <param name="section">The configuration section, for example <c>ProServ:Http:Psa</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddProServResilienceHandler(this IHttpClientBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddCore(builder, section, null);
    }

    private static IHttpClientBuilder AddCore(IHttpClientBuilder builder, IConfigurationSection? section, Action<HttpResilienceOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Name;
        var options = builder.Services.AddOptions<HttpResilienceOptions>(name);
        if (section is not null)
        {
            options.Bind(section);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpResilienceOptions>, HttpResilienceOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TargetPipelineRegistry>();
        builder.AddHttpMessageHandler(services => new ResilienceHandler(services.GetRequiredService<TargetPipelineRegistry>().Get(name)));
        return builder;
    }
}
