using ProServ.Integration.Checkpoints;
using ProServ.Integration.PostgreSql.Checkpoints;
using ProServ.Integration.Testing.Checkpoints;

namespace ProServ.Integration.PostgreSql.Tests.Checkpoints;

/// <summary>Runs the checkpoint conformance suite on PostgreSQL: one fresh database for the class.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCheckpointStoreTests(PostgreSqlServerFixture server) : CheckpointStoreConformanceTests
{
    protected override async ValueTask<ICheckpointStore> CreateStoreAsync(TimeProvider timeProvider)
        => new PostgreSqlCheckpointStore(await server.OptionsAsync(GetType()), timeProvider);
}
