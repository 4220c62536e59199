using ProServ.Integration.Inbox;
using ProServ.Integration.PostgreSql.Inbox;
using ProServ.Integration.Testing.Inbox;

namespace ProServ.Integration.PostgreSql.Tests.Inbox;

/// <summary>Runs the inbox conformance suite on PostgreSQL: each test gets a fresh, empty schema (purge is not consumer-scoped).</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlInboxStoreTests(PostgreSqlServerFixture server) : InboxStoreConformanceTests
{
    protected override async ValueTask<IInboxStore> CreateStoreAsync(TimeProvider timeProvider)
        => new PostgreSqlInboxStore(await server.OptionsAsync(GetType(), freshSchema: true), timeProvider);
}
