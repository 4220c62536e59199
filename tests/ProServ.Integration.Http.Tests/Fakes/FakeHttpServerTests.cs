using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProServ.Integration.Testing;
using ProServ.Integration.Testing.Fakes;
using ProServ.Integration.Testing.Http;
using Xunit;

namespace ProServ.Integration.Http.Tests.Fakes;

public sealed class FakeHttpServerTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private FakeRecordTable _table = null!;

    public Task InitializeAsync()
    {
        _table = new FakeRecordTable("Thing", _clock);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Request_WithoutOrWithWrongToken_Gets401()
    {
        await using var server = await StartAsync(new FaultOptions());
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var none = await client.GetAsync(new Uri("things", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "things");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nope");
        using var wrongResponse = await client.SendAsync(wrong);
        using var right = await SendAsync(client, HttpMethod.Get, "things");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(3, server.Requests.Total);
    }

    [Fact]
    public async Task ArmedStatus_IsServedOnceWithRetryAfter_ThenNormalService()
    {
        await using var server = await StartAsync(new FaultOptions());
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        server.Faults.ArmStatus(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(7));

        using var throttled = await SendAsync(client, HttpMethod.Get, "things");
        using var ok = await SendAsync(client, HttpMethod.Get, "things");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(1, server.Faults.CountOf(InjectedFaultKind.Armed));
    }

    [Fact]
    public async Task ArmedDropAfterCommit_CommitsTheWrite_ButTheClientSeesNoResponse()
    {
        await using var server = await StartAsync(new FaultOptions());
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        server.Faults.Arm(ScriptedResponse.DropAfterCommit(), "POST");

        using var read = await SendAsync(client, HttpMethod.Get, "things");
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(client, HttpMethod.Post, "things", "{\"n\":1}"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(1, _table.Count);
    }

    [Fact]
    public async Task RateLimit_RejectsBeyondTheBucket_UntilTheClockRefillsIt()
    {
        await using var server = await StartAsync(new FaultOptions { RequestsPerSecond = 2, Burst = 2 });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var first = await SendAsync(client, HttpMethod.Get, "things");
        using var second = await SendAsync(client, HttpMethod.Get, "things");
        using var third = await SendAsync(client, HttpMethod.Get, "things");
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        using var fourth = await SendAsync(client, HttpMethod.Get, "things");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), third.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Equal(1, server.Faults.CountOf(InjectedFaultKind.RateLimited));
        Assert.Equal(3, server.Faults.AdmittedRequests);
        Assert.Equal(3 / ((2 * 0.5) + 2), server.Faults.RateLimitUtilization!.Value, 6);
    }

    [Fact]
    public async Task RandomFaults_SameSeed_SameSequence()
    {
        var options = new FaultOptions { Seed = 42, TransientFailureRate = 0.3, ThrottleRate = 0.2 };
        var a = await StatusesAsync(options);
        var b = await StatusesAsync(new FaultOptions { Seed = 42, TransientFailureRate = 0.3, ThrottleRate = 0.2 });
        var c = await StatusesAsync(new FaultOptions { Seed = 7, TransientFailureRate = 0.3, ThrottleRate = 0.2 });

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Contains(HttpStatusCode.OK, a);
        Assert.Contains(HttpStatusCode.TooManyRequests, a);
        Assert.Contains(a, s => s is HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Disabled_NoRandomFaults_ButArmedFaultsStillApply()
    {
        await using var server = await StartAsync(new FaultOptions { TransientFailureRate = 1 });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        server.Faults.Enabled = false;
        server.Faults.ArmStatus(HttpStatusCode.BadGateway);

        using var armed = await SendAsync(client, HttpMethod.Get, "things");
        using var ok = await SendAsync(client, HttpMethod.Get, "things");

        Assert.Equal(HttpStatusCode.BadGateway, armed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task StartAsync_InvalidFaultOptions_ListsEveryProblem()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(new FaultOptions { TransientFailureRate = 2, RequestsPerSecond = 0 }));

        Assert.Contains("TransientFailureRate", error.Message, StringComparison.Ordinal);
        Assert.Contains("RequestsPerSecond", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private async Task<List<HttpStatusCode>> StatusesAsync(FaultOptions options)
    {
        await using var server = await StartAsync(options);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await SendAsync(client, HttpMethod.Get, "things");
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private Task<FakeHttpServer> StartAsync(FaultOptions faults) =>
        FakeHttpServer.StartAsync(
            new FakeServerOptions { TimeProvider = _clock, Faults = faults },
            endpoints =>
            {
                endpoints.MapGet("/things", () => Results.Json(new { count = _table.Count }));
                endpoints.MapPost("/things", async (HttpRequest request) =>
                {
                    var data = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
                    var (record, _) = _table.Create(data, request.Headers["Idempotency-Key"].FirstOrDefault());
                    return Results.Json(new { id = record.Id }, statusCode: StatusCodes.Status201Created);
                });
            },
            CancellationToken.None);
}
