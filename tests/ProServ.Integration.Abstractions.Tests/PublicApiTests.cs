using ProServ.Integration.Finance;
using ProServ.Integration.TestUtils.PublicApi;

namespace ProServ.Integration.Abstractions.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_Abstractions_MatchesApprovedListing()
    {
        PublicApiSurface.Verify(typeof(Money).Assembly);
    }
}
