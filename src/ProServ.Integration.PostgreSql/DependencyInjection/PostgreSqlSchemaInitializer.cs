using Microsoft.Extensions.Hosting;

namespace ProServ.Integration.PostgreSql.DependencyInjection;

/// <summary>Creates the schema and every table of the PostgreSQL stores when the host starts (unless
/// <see cref="PostgreSqlStoreOptions.CreateSchemaOnStartup"/> is off), so that a wrong connection string or a role without
/// rights fails the start-up rather than the first sync.</summary>
internal sealed class PostgreSqlSchemaInitializer(PostgreSqlSharedDatabase database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Options.CreateSchemaOnStartup)
        {
            await PostgreSqlStoreSchema.EnsureCreatedAsync(database.Options, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
