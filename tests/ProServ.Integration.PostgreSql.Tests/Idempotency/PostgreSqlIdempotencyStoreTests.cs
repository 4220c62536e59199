using ProServ.Integration.Idempotency;
using ProServ.Integration.PostgreSql.Idempotency;
using ProServ.Integration.Testing.Idempotency;

namespace ProServ.Integration.PostgreSql.Tests.Idempotency;

/// <summary>
/// Runs the idempotency conformance suite on PostgreSQL. Purge is not scoped by tenant and two purge tests' keys would
/// meet in one table depending on test order, so each store gets its own schema in the class's database.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlIdempotencyStoreTests(PostgreSqlServerFixture server) : IdempotencyStoreConformanceTests
{
    protected override async ValueTask<IIdempotencyStore> CreateStoreAsync(TimeProvider timeProvider)
        => new PostgreSqlIdempotencyStore(await server.OptionsAsync(GetType(), freshSchema: true), timeProvider);
}
