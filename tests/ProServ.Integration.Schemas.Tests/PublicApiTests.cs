using ProServ.Integration.Schemas.Catalog;
using ProServ.Integration.TestUtils.PublicApi;

namespace ProServ.Integration.Schemas.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_Schemas_MatchesApprovedListing()
    {
        PublicApiSurface.Verify(typeof(SchemaCatalog).Assembly);
    }
}
