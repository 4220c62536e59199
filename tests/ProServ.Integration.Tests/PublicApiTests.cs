using ProServ.Integration.Idempotency;
using ProServ.Integration.Testing;
using ProServ.Integration.TestUtils.PublicApi;

namespace ProServ.Integration.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_Engine_MatchesApprovedListing()
    {
        PublicApiSurface.Verify(typeof(IdempotencyKey).Assembly);
    }

    [Fact]
    public void PublicApi_Testing_MatchesApprovedListing()
    {
        PublicApiSurface.Verify(typeof(ManualTimeProvider).Assembly);
    }
}
