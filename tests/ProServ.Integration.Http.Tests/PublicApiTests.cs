using ProServ.Integration.Http.Resilience;
using ProServ.Integration.TestUtils.PublicApi;

namespace ProServ.Integration.Http.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_Http_MatchesApprovedListing()
    {
        PublicApiSurface.Verify(typeof(HttpResilienceOptions).Assembly);
    }
}
