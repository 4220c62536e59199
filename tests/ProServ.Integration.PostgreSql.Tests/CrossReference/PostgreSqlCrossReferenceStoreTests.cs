using ProServ.Integration.CrossReference;
using ProServ.Integration.PostgreSql.CrossReference;
using ProServ.Integration.Testing.CrossReference;

namespace ProServ.Integration.PostgreSql.Tests.CrossReference;

/// <summary>Runs the cross-reference conformance suite on PostgreSQL: one fresh database for the class.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCrossReferenceStoreTests(PostgreSqlServerFixture server) : CrossReferenceStoreConformanceTests
{
    protected override async ValueTask<ICrossReferenceStore> CreateStoreAsync(TimeProvider timeProvider)
        => new PostgreSqlCrossReferenceStore(await server.OptionsAsync(GetType()), timeProvider);
}
