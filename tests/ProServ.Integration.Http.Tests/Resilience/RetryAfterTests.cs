using System.Net;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Http.Tests.Resilience;

public sealed class RetryAfterTests
{
    private static readonly Uri Projects = new("projects", UriKind.Relative);

    [Fact]
    public async Task SendAsync_429WithDeltaSeconds_WaitsExactlyRetryAfterOnTheClock()
    {
        await using var target = await TestTarget.StartAsync(o => o.RetryBaseDelay = TimeSpan.FromSeconds(2));
        target.Server.Enqueue(ScriptedResponse.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(5)));

        var sending = target.Client.GetAsync(Projects);
        var retry = await target.AdvanceThroughNextRetryAsync(_ => Assert.Equal(1, target.Server.ReceivedCount));
        Assert.Equal(TimeSpan.FromSeconds(5), retry.Delay);
        Assert.Equal(429, retry.StatusCode);
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, target.Server.ReceivedCount);
    }

    [Fact]
    public async Task SendAsync_503WithHttpDate_WaitsUntilThatDate()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.StatusRetryAt(HttpStatusCode.ServiceUnavailable, target.Clock.GetUtcNow().AddSeconds(7)));

        var sending = target.Client.GetAsync(Projects);
        var retry = await target.AdvanceThroughNextRetryAsync();
        Assert.Equal(TimeSpan.FromSeconds(7), retry.Delay);
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, target.Server.ReceivedCount);
    }

    [Fact]
    public async Task SendAsync_HttpDateInThePast_RetriesWithoutWaiting()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.StatusRetryAt(HttpStatusCode.ServiceUnavailable, target.Clock.GetUtcNow().AddMinutes(-1)));

        using var response = await target.Client.GetAsync(Projects);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.Zero, Assert.Single(target.Retries).Delay);
    }

    [Fact]
    public async Task SendAsync_RetryAfterBeyondBudget_FailsFastWithoutSleeping()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(60)));

        var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.GetAsync(Projects));

        Assert.Equal(HttpErrorCodes.RetryAfterExceedsBudget, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(1, target.Server.ReceivedCount);
        Assert.Empty(target.Retries);
    }

    [Fact]
    public async Task SendAsync_SecondRetryAfterBeyondWhatIsLeft_FailsFast()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(
            ScriptedResponse.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(20)),
            ScriptedResponse.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(20)));

        var sending = target.Client.GetAsync(Projects);
        Assert.Equal(TimeSpan.FromSeconds(20), (await target.AdvanceThroughNextRetryAsync()).Delay);
        var error = await Assert.ThrowsAsync<HttpCallException>(() => sending);

        Assert.Equal(HttpErrorCodes.RetryAfterExceedsBudget, error.ErrorCode);
        Assert.Equal(2, target.Server.ReceivedCount);
        Assert.Equal(2, error.Attempts);
    }
}
