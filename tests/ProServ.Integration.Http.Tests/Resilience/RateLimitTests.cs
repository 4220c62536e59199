using System.Net;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Http.Tests.Resilience;

public sealed class RateLimitTests
{
    private static readonly Uri Projects = new("projects", UriKind.Relative);

    [Fact]
    public async Task SendAsync_BurstBeyondTokenBucketWithoutQueue_SendsOnlyThePermittedCount()
    {
        await using var target = await TestTarget.StartAsync(o =>
        {
            o.RateLimitPermits = 3;
            o.RateLimitQueueLimit = 0;
        });

        var calls = Enumerable.Range(0, 5).Select(_ => Outcome(target.Client.GetAsync(Projects))).ToArray();
        var outcomes = await Task.WhenAll(calls);

        Assert.True(outcomes.Count(o => o == "200") == 3, string.Join(",", outcomes));
        Assert.Equal(2, outcomes.Count(o => o == HttpErrorCodes.RateLimited));
        Assert.Equal(3, target.Server.ReceivedCount);

        target.Clock.Advance(TimeSpan.FromSeconds(1));
        var next = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Outcome(target.Client.GetAsync(Projects))));
        Assert.Equal(3, next.Count(o => o == "200"));
        Assert.Equal(6, target.Server.ReceivedCount);
    }

    [Fact]
    public async Task SendAsync_BulkSyncBeyondLimit_QueuesAndSendsAtMostPermitsPerPeriod()
    {
        await using var target = await TestTarget.StartAsync(o => o.RateLimitPermits = 3);

        var calls = Enumerable.Range(0, 7).Select(_ => target.Client.GetAsync(Projects)).ToArray();
        await target.Server.WaitForRequestsAsync(3);
        Assert.Equal(3, target.Server.ReceivedCount);
        Assert.DoesNotContain(calls, c => c.IsFaulted);

        target.Clock.Advance(TimeSpan.FromSeconds(1));
        await target.Server.WaitForRequestsAsync(6);
        Assert.Equal(6, target.Server.ReceivedCount);

        target.Clock.Advance(TimeSpan.FromSeconds(1));
        var responses = await Task.WhenAll(calls);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(7, target.Server.ReceivedCount);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task SendAsync_ConcurrencyLimitReached_RejectsWithoutSending()
    {
        await using var target = await TestTarget.StartAsync(o => o.ConcurrencyLimit = 1);
        target.Server.Enqueue(ScriptedResponse.Hang());
        using var cancel = new CancellationTokenSource();
        var first = target.Client.GetAsync(Projects, cancel.Token);
        await target.Server.WaitForRequestsAsync(1);

        var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.GetAsync(Projects));

        Assert.Equal(HttpErrorCodes.RateLimited, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(1, target.Server.ReceivedCount);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    private static async Task<string> Outcome(Task<HttpResponseMessage> call)
    {
        try
        {
            using var response = await call;
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpCallException error)
        {
            return error.ErrorCode == HttpErrorCodes.RateLimited ? error.ErrorCode : error.ToString();
        }
    }
}
