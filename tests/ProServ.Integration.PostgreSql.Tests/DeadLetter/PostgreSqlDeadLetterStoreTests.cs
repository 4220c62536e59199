using ProServ.Integration.DeadLetter;
using ProServ.Integration.PostgreSql.DeadLetter;
using ProServ.Integration.Testing.DeadLetter;

namespace ProServ.Integration.PostgreSql.Tests.DeadLetter;

/// <summary>Runs the dead-letter conformance suite on PostgreSQL: one fresh database for the class.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDeadLetterStoreTests(PostgreSqlServerFixture server) : DeadLetterStoreConformanceTests
{
    protected override async ValueTask<IDeadLetterStore> CreateStoreAsync(TimeProvider timeProvider, DeadLetterOptions options)
        => new PostgreSqlDeadLetterStore(await server.OptionsAsync(GetType()), options, timeProvider);
}
