using ProServ.Integration.Sqlite;
using ProServ.Integration.TestUtils.PublicApi;

namespace ProServ.Integration.Sqlite.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_Sqlite_MatchesApprovedListing()
    {
        PublicApiSurface.Verify(typeof(SqliteStoreOptions).Assembly);
    }
}
