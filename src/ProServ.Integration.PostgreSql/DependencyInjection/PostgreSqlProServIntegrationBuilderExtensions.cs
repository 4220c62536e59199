using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.CrossReference;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.DependencyInjection;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Inbox;
using ProServ.Integration.Outbox;
using ProServ.Integration.PostgreSql.Checkpoints;
using ProServ.Integration.PostgreSql.CrossReference;
using ProServ.Integration.PostgreSql.DeadLetter;
using ProServ.Integration.PostgreSql.Idempotency;
using ProServ.Integration.PostgreSql.Inbox;
using ProServ.Integration.PostgreSql.Outbox;

namespace ProServ.Integration.PostgreSql.DependencyInjection;

/// <summary>Puts every store of a ProServ.Integration instance into one PostgreSQL database and schema.</summary>
/// <remarks>
/// Replaces the instance's in-memory stores with PostgreSQL ones that share one <see cref="Npgsql.NpgsqlDataSource"/> (one
/// connection pool) and one schema: <see cref="IIdempotencyStore"/>, <see cref="ICrossReferenceStore"/>,
/// <see cref="ICheckpointStore"/> (also as <see cref="IPostgreSqlCheckpointStore"/>), <see cref="IDeadLetterStore"/>,
/// <see cref="IOutboxStore"/> (also as <see cref="IPostgreSqlOutboxStore"/>) and <see cref="IInboxStore"/> (also as
/// <see cref="IPostgreSqlInboxStore"/>), keyed by the instance name and, for the default instance, without a key too. When
/// the host starts, <see cref="PostgreSqlStoreOptions"/> (options name: the instance name) are validated and the schema and
/// tables are created (unless <see cref="PostgreSqlStoreOptions.CreateSchemaOnStartup"/> is off). A data source built from
/// <see cref="PostgreSqlStoreOptions.ConnectionString"/> is disposed with the service provider; one passed in
/// <see cref="PostgreSqlStoreOptions.DataSource"/> is left to its owner.
/// </remarks>
public static class PostgreSqlProServIntegrationBuilderExtensions
{
    /// <summary>Uses PostgreSQL with options configured elsewhere (for example <c>services.Configure&lt;PostgreSqlStoreOptions&gt;(name, …)</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder UsePostgreSql(this IProServIntegrationBuilder builder) =>
        UsePostgreSqlCore(builder, static _ => { });

    /// <summary>Uses PostgreSQL configured in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the database options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder UsePostgreSql(this IProServIntegrationBuilder builder, Action<PostgreSqlStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return UsePostgreSqlCore(builder, options => options.Configure(configure));
    }

    /// <summary>Uses PostgreSQL with options bound to a configuration section (<c>ConnectionString</c>, <c>SchemaName</c>,
    /// <c>CreateSchemaOnStartup</c>, <c>ReplayClaimDuration</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder UsePostgreSql(this IProServIntegrationBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return UsePostgreSqlCore(builder, options => options.Bind(section));
    }

    private static IProServIntegrationBuilder UsePostgreSqlCore(IProServIntegrationBuilder builder, Action<OptionsBuilder<PostgreSqlStoreOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var name = builder.Name;
        var options = services.AddOptions<PostgreSqlStoreOptions>(name);
        configure(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStoreOptions>, PostgreSqlOptionsValidator>());
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(PostgreSqlSharedDatabase) && Equals(d.ServiceKey, name)))
        {
            return builder;
        }

        services.AddKeyedSingleton(name, (sp, _) => new PostgreSqlSharedDatabase(sp.GetRequiredService<IOptionsMonitor<PostgreSqlStoreOptions>>().Get(name)));
        services.AddSingleton<IHostedService>(sp => new PostgreSqlSchemaInitializer(sp.GetRequiredKeyedService<PostgreSqlSharedDatabase>(name)));

        Replace<IIdempotencyStore>(services, name, (_, options, time) => new PostgreSqlIdempotencyStore(options, time));
        Replace<ICrossReferenceStore>(services, name, (_, options, time) => new PostgreSqlCrossReferenceStore(options, time));
        Replace<IPostgreSqlCheckpointStore>(services, name, (_, options, time) => new PostgreSqlCheckpointStore(options, time));
        Replace<IDeadLetterStore>(services, name, (sp, options, time) => new PostgreSqlDeadLetterStore(
            options, sp.GetRequiredService<IOptionsMonitor<ProServIntegrationOptions>>().Get(name).DeadLetter, time));
        Replace<IPostgreSqlOutboxStore>(services, name, (_, options, time) => new PostgreSqlOutboxStore(options, time));
        Replace<IPostgreSqlInboxStore>(services, name, (_, options, time) => new PostgreSqlInboxStore(options, time));
        Alias<ICheckpointStore, IPostgreSqlCheckpointStore>(services, name);
        Alias<IOutboxStore, IPostgreSqlOutboxStore>(services, name);
        Alias<IInboxStore, IPostgreSqlInboxStore>(services, name);
        if (string.Equals(name, Options.DefaultName, StringComparison.Ordinal))
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IPostgreSqlCheckpointStore>(name));
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IPostgreSqlOutboxStore>(name));
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IPostgreSqlInboxStore>(name));
        }

        return builder;
    }

    private static void Replace<TService>(IServiceCollection services, string name, Func<IServiceProvider, PostgreSqlStoreOptions, TimeProvider, TService> create)
        where TService : class
    {
        services.RemoveAllKeyed<TService>(name);
        services.AddKeyedSingleton(name, (sp, _) => create(sp, sp.GetRequiredKeyedService<PostgreSqlSharedDatabase>(name).Options, sp.GetRequiredService<TimeProvider>()));
    }

    private static void Alias<TService, TImplementation>(IServiceCollection services, string name)
        where TService : class
        where TImplementation : class, TService
    {
        services.RemoveAllKeyed<TService>(name);
        services.AddKeyedSingleton<TService>(name, (sp, _) => sp.GetRequiredKeyedService<TImplementation>(name));
    }
}
