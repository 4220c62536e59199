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
using ProServ.Integration.Sqlite.Checkpoints;
using ProServ.Integration.Sqlite.CrossReference;
using ProServ.Integration.Sqlite.DeadLetter;
using ProServ.Integration.Sqlite.Inbox;
using ProServ.Integration.Sqlite.Outbox;

namespace ProServ.Integration.Sqlite.DependencyInjection;

/// <summary>Puts every store of a ProServ.Integration instance into one SQLite database file.</summary>
/// <remarks>
/// Replaces the instance's in-memory stores with SQLite ones that share one database (one connection pool, one set of
/// tables): <see cref="IIdempotencyStore"/>, <see cref="ICrossReferenceStore"/>, <see cref="ICheckpointStore"/> (also as
/// <see cref="ISqliteCheckpointStore"/>), <see cref="IDeadLetterStore"/>, <see cref="IOutboxStore"/> (also as
/// <see cref="ISqliteOutboxStore"/>) and <see cref="IInboxStore"/> (also as <see cref="ISqliteInboxStore"/>), keyed by the
/// instance name and, for the default instance, without a key too. The tables are created when the host starts, and
/// <see cref="SqliteStoreOptions"/> (options name: the instance name) are validated then.
/// </remarks>
public static class SqliteProServIntegrationBuilderExtensions
{
    /// <summary>Uses SQLite with the default options (<c>Data Source=proserv-integration.db</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder UseSqlite(this IProServIntegrationBuilder builder) =>
        UseSqliteCore(builder, static _ => { });

    /// <summary>Uses SQLite configured in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the database options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder UseSqlite(this IProServIntegrationBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return UseSqliteCore(builder, options => options.Configure(configure));
    }

    /// <summary>Uses SQLite with options bound to a configuration section (<c>ConnectionString</c>, <c>BusyTimeout</c>, <c>DurableCommits</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IProServIntegrationBuilder UseSqlite(this IProServIntegrationBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return UseSqliteCore(builder, options => options.Bind(section));
    }

    private static IProServIntegrationBuilder UseSqliteCore(IProServIntegrationBuilder builder, Action<OptionsBuilder<SqliteStoreOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var name = builder.Name;
        var options = services.AddOptions<SqliteStoreOptions>(name);
        configure(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(SqliteDatabase) && Equals(d.ServiceKey, name)))
        {
            return builder;
        }

        services.AddKeyedSingleton(name, (sp, _) => new SqliteDatabase(sp.GetRequiredService<IOptionsMonitor<SqliteStoreOptions>>().Get(name)));
        services.AddSingleton<IHostedService>(sp => new SqliteSchemaInitializer(sp.GetRequiredKeyedService<SqliteDatabase>(name)));

        Replace<IIdempotencyStore>(services, name, (sp, database, time) => new SqliteIdempotencyStore(database, time));
        Replace<ICrossReferenceStore>(services, name, (sp, database, time) => new SqliteCrossReferenceStore(database, time));
        Replace<ISqliteCheckpointStore>(services, name, (sp, database, time) => new SqliteCheckpointStore(database, time));
        Replace<IDeadLetterStore>(services, name, (sp, database, time) => new SqliteDeadLetterStore(
            database, sp.GetRequiredService<IOptionsMonitor<ProServIntegrationOptions>>().Get(name).DeadLetter, time));
        Replace<ISqliteOutboxStore>(services, name, (sp, database, time) => new SqliteOutboxStore(database, time));
        Replace<ISqliteInboxStore>(services, name, (sp, database, time) => new SqliteInboxStore(database, time));
        Alias<ICheckpointStore, ISqliteCheckpointStore>(services, name);
        Alias<IOutboxStore, ISqliteOutboxStore>(services, name);
        Alias<IInboxStore, ISqliteInboxStore>(services, name);
        if (string.Equals(name, Options.DefaultName, StringComparison.Ordinal))
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<ISqliteCheckpointStore>(name));
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<ISqliteOutboxStore>(name));
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<ISqliteInboxStore>(name));
        }

        return builder;
    }

    private static void Replace<TService>(IServiceCollection services, string name, Func<IServiceProvider, SqliteDatabase, TimeProvider, TService> create)
        where TService : class
    {
        services.RemoveAllKeyed<TService>(name);
        services.AddKeyedSingleton(name, (sp, _) => create(sp, sp.GetRequiredKeyedService<SqliteDatabase>(name), sp.GetRequiredService<TimeProvider>()));
    }

    private static void Alias<TService, TImplementation>(IServiceCollection services, string name)
        where TService : class
        where TImplementation : class, TService
    {
        services.RemoveAllKeyed<TService>(name);
        services.AddKeyedSingleton<TService>(name, (sp, _) => sp.GetRequiredKeyedService<TImplementation>(name));
    }
}
