using System.Net;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Http.Tests.Resilience;

public sealed class CircuitBreakerTests
{
    private static readonly Uri Projects = new("projects", UriKind.Relative);

    [Fact]
    public async Task SendAsync_FailuresAboveRatio_OpensCircuitThenClosesAfterBreak()
    {
        await using var target = await TestTarget.StartAsync(o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
        });
        target.Server.Enqueue(
            ScriptedResponse.Status(HttpStatusCode.InternalServerError),
            ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable));

        Assert.Equal(HttpErrorCodes.Transient, (await Assert.ThrowsAsync<HttpCallException>(() => target.Client.GetAsync(Projects))).ErrorCode);
        Assert.Equal(HttpErrorCodes.Transient, (await Assert.ThrowsAsync<HttpCallException>(() => target.Client.GetAsync(Projects))).ErrorCode);
        var open = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.GetAsync(Projects));

        Assert.Equal(HttpErrorCodes.CircuitOpen, open.ErrorCode);
        Assert.True(open.IsTransient);
        Assert.Equal(0, open.Attempts);
        Assert.Equal(2, target.Server.ReceivedCount);

        target.Clock.Advance(TimeSpan.FromSeconds(5));
        using var response = await target.Client.GetAsync(Projects);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, target.Server.ReceivedCount);
    }

    [Fact]
    public async Task SendAsync_PermanentFailures_DoNotOpenCircuit()
    {
        await using var target = await TestTarget.StartAsync(o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
        });
        target.Server.Enqueue(
            ScriptedResponse.Status(HttpStatusCode.BadRequest),
            ScriptedResponse.Status(HttpStatusCode.NotFound),
            ScriptedResponse.Status(HttpStatusCode.UnprocessableEntity));

        for (var i = 0; i < 3; i++)
        {
            var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.GetAsync(Projects));
            Assert.Equal(HttpErrorCodes.Permanent, error.ErrorCode);
        }

        Assert.Equal(3, target.Server.ReceivedCount);
    }
}
