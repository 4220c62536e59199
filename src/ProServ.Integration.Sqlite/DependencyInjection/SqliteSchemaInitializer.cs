using Microsoft.Extensions.Hosting;
using ProServ.Integration.Sqlite.Checkpoints;
using ProServ.Integration.Sqlite.CrossReference;
using ProServ.Integration.Sqlite.DeadLetter;
using ProServ.Integration.Sqlite.Inbox;
using ProServ.Integration.Sqlite.Outbox;

namespace ProServ.Integration.Sqlite.DependencyInjection;

/// <summary>Creates every table of the SQLite stores when the host starts, so that the first request does not pay for DDL
/// and a wrong path or a read-only file fails the start-up rather than the first sync.</summary>
internal sealed class SqliteSchemaInitializer(SqliteDatabase database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.EnsureCreatedAsync(SqliteIdempotencySchema.Feature, SqliteIdempotencySchema.Ddl, cancellationToken).ConfigureAwait(false);
        await database.EnsureCreatedAsync(SqliteCrossReferenceSchema.Feature, SqliteCrossReferenceSchema.Ddl, cancellationToken).ConfigureAwait(false);
        await database.EnsureCreatedAsync(SqliteCheckpointSchema.Feature, SqliteCheckpointSchema.Ddl, cancellationToken).ConfigureAwait(false);
        await database.EnsureCreatedAsync(SqliteDeadLetterSchema.Feature, SqliteDeadLetterSchema.Ddl, cancellationToken).ConfigureAwait(false);
        await database.EnsureCreatedAsync(SqliteOutboxSchema.Feature, SqliteOutboxSchema.Ddl, cancellationToken).ConfigureAwait(false);
        await database.EnsureCreatedAsync(SqliteInboxSchema.Feature, SqliteInboxSchema.Ddl, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
