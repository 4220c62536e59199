using System.Net;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Http.Tests.Resilience;

public sealed class TimeoutTests
{
    private static readonly Uri Projects = new("projects", UriKind.Relative);

    [Fact]
    public async Task SendAsync_AttemptHangs_TimesOutAtAttemptTimeoutAndRetries()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Hang());

        var sending = target.Client.GetAsync(Projects);
        await target.Server.WaitForRequestsAsync(1);
        target.Clock.Advance(TimeSpan.FromSeconds(10));
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, target.Server.ReceivedCount);
        var retry = Assert.Single(target.Retries);
        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(retry.Exception);
    }

    [Fact]
    public async Task SendAsync_EveryAttemptHangs_FailsWithTimeoutWhenTotalBudgetRunsOut()
    {
        await using var target = await TestTarget.StartAsync(o => o.TotalRequestTimeout = TimeSpan.FromSeconds(15));
        target.Server.Enqueue(ScriptedResponse.Hang(), ScriptedResponse.Hang());

        var sending = target.Client.GetAsync(Projects);
        await target.Server.WaitForRequestsAsync(1);
        target.Clock.Advance(TimeSpan.FromSeconds(10));
        await target.Server.WaitForRequestsAsync(2);
        target.Clock.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<HttpCallException>(() => sending);

        Assert.Equal(HttpErrorCodes.Timeout, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, target.Server.ReceivedCount);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsOperationCanceledNotHttpCallException()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Hang());
        using var cancel = new CancellationTokenSource();

        var sending = target.Client.GetAsync(Projects, cancel.Token);
        await target.Server.WaitForRequestsAsync(1);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Equal(1, target.Server.ReceivedCount);
    }
}
