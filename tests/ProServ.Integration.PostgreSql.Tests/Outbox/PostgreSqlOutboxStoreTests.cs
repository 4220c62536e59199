using ProServ.Integration.Outbox;
using ProServ.Integration.PostgreSql.Outbox;
using ProServ.Integration.Testing.Outbox;

namespace ProServ.Integration.PostgreSql.Tests.Outbox;

/// <summary>Runs the outbox conformance suite on PostgreSQL: claims are not tenant-scoped, so each test gets a fresh, empty schema.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlOutboxStoreTests(PostgreSqlServerFixture server) : OutboxStoreConformanceTests
{
    protected override async ValueTask<IOutboxStore> CreateStoreAsync(TimeProvider timeProvider)
        => new PostgreSqlOutboxStore(await server.OptionsAsync(GetType(), freshSchema: true), timeProvider);
}
