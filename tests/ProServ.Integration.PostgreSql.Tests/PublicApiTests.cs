using ProServ.Integration.TestUtils.PublicApi;

namespace ProServ.Integration.PostgreSql.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_PostgreSql_MatchesApprovedListing()
    {
        PublicApiSurface.Verify(typeof(PostgreSqlStoreOptions).Assembly);
    }
}
