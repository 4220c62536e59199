using System.Net;
using System.Net.Http.Json;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Http.Tests.Resilience;

public sealed class IdempotentWriteTests
{
    private static readonly IdempotencyKey Key = IdempotencyKey.Derive("tenant-1", "billing.post-time-entry", "te-42", 3);

    private static HttpRequestMessage Post(IdempotencyKey? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "time-entries") { Content = JsonContent.Create(new { hours = 7.5m }) };
        if (key is { } k)
        {
            request.SetIdempotencyKey(k);
        }

        return request;
    }

    [Fact]
    public async Task SendAsync_KeyedPostUnder429And503_RecordsOperationExactlyOnce()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.DeduplicateByKey = false;
        target.Server.Enqueue(
            ScriptedResponse.Status(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero),
            ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable));

        using var response = await target.Client.SendAsync(Post(Key));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpCallOutcome.Succeeded, response.GetCallOutcome());
        Assert.Equal(3, target.Server.ReceivedCount);
        Assert.Equal(1, target.Server.OperationCountFor(Key.Value));
        Assert.Equal(1, target.Server.OperationCount);
        Assert.Equal([429, 503], target.Retries.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task SendAsync_KeyedPostSlowButWithinAttemptTimeout_RecordsOnceWithoutRetry()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Delay(TimeSpan.FromMilliseconds(50)));

        using var response = await target.Client.SendAsync(Post(Key));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, target.Server.ReceivedCount);
        Assert.Equal(1, target.Server.OperationCountFor(Key.Value));
        Assert.Empty(target.Retries);
    }

    [Fact]
    public async Task SendAsync_KeyedPostCommittedThenSlow_ResendsAfterAttemptTimeoutAndTargetKeepsOneOperation()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.CommitThenHang());

        var sending = target.Client.SendAsync(Post(Key));
        await target.Server.WaitForRequestsAsync(1);
        target.Clock.Advance(TimeSpan.FromSeconds(10));
        using var response = await sending;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, target.CountReceived(HttpMethod.Post));
        Assert.Equal(1, target.Server.OperationCountFor(Key.Value));
        var retry = Assert.Single(target.Retries);
        Assert.True(retry.OutcomeUnknown);
    }

    [Fact]
    public async Task SendAsync_KeyedPostDroppedAfterCommitWithoutLookup_ResendsAndTargetDeduplicates()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.DropAfterCommit());

        using var response = await target.Client.SendAsync(Post(Key));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, target.CountReceived(HttpMethod.Post));
        Assert.Equal(1, target.Server.OperationCountFor(Key.Value));
        Assert.All(target.Server.Received, r => Assert.Equal(Key.Value, r.IdempotencyKey));
    }

    [Fact]
    public async Task SendAsync_KeyedPostDroppedAfterCommitWithLookup_ReturnsLookupResponseWithoutResend()
    {
        var lookup = new KeyedWriteLookup();
        await using var target = await TestTarget.StartAsync(o => o.WriteLookup = lookup);
        target.Server.DeduplicateByKey = false;
        target.Server.Enqueue(ScriptedResponse.DropAfterCommit());

        using var response = await target.Client.SendAsync(Post(Key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpCallOutcome.FoundByLookup, response.GetCallOutcome());
        Assert.Equal(1, lookup.Calls);
        Assert.Equal(1, target.CountReceived(HttpMethod.Post));
        Assert.Equal(1, target.CountReceived(HttpMethod.Get));
        Assert.Equal(1, target.Server.OperationCountFor(Key.Value));
    }

    [Fact]
    public async Task SendAsync_KeyedPostDroppedBeforeCommitWithLookup_LooksUpThenResendsOnce()
    {
        var lookup = new KeyedWriteLookup();
        await using var target = await TestTarget.StartAsync(o => o.WriteLookup = lookup);
        target.Server.DeduplicateByKey = false;
        target.Server.Enqueue(ScriptedResponse.DropBeforeCommit());

        using var response = await target.Client.SendAsync(Post(Key));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpCallOutcome.Succeeded, response.GetCallOutcome());
        Assert.Equal(1, lookup.Calls);
        Assert.Equal(2, target.CountReceived(HttpMethod.Post));
        Assert.Equal(1, target.Server.OperationCountFor(Key.Value));
    }

    [Fact]
    public async Task SendAsync_LookupCannotTell_ThrowsOutcomeUnknownWithoutResend()
    {
        var lookup = new KeyedWriteLookup(undecided: true);
        await using var target = await TestTarget.StartAsync(o => o.WriteLookup = lookup);
        target.Server.Enqueue(ScriptedResponse.DropAfterCommit());
        using var request = Post(Key).SetCorrelationId("corr-7");

        var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.SendAsync(request));

        Assert.Equal(HttpErrorCodes.OutcomeUnknown, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(Key.Value, error.IdempotencyKey);
        Assert.Equal("corr-7", error.CorrelationId);
        Assert.Equal(1, target.CountReceived(HttpMethod.Post));
    }

    [Fact]
    public async Task SendAsync_PostWithoutKeyAnswered503_IsNotRetried()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable));
        using var request = Post();

        var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.SendAsync(request));

        Assert.Equal(HttpErrorCodes.UnsafeNotRetried, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, target.Server.ReceivedCount);
        Assert.Empty(target.Retries);
    }

    [Fact]
    public async Task SendAsync_PatchWithoutKeyDroppedAfterCommit_ThrowsOutcomeUnknownAndDoesNotResend()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.DeduplicateByKey = false;
        target.Server.Enqueue(ScriptedResponse.DropAfterCommit());
        using var request = new HttpRequestMessage(HttpMethod.Patch, "projects/p-1") { Content = JsonContent.Create(new { status = "won" }) };

        var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.SendAsync(request));

        Assert.Equal(HttpErrorCodes.OutcomeUnknown, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(1, target.Server.ReceivedCount);
        Assert.Equal(1, target.Server.OperationCount);
    }

    [Fact]
    public async Task SendAsync_PutWithoutKeyAnswered503_IsRetriedBecausePutIsIdempotent()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable));
        using var request = new HttpRequestMessage(HttpMethod.Put, "projects/p-1") { Content = JsonContent.Create(new { status = "won" }) };

        using var response = await target.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, target.Server.ReceivedCount);
    }

    [Fact]
    public async Task SendAsync_KeyWrittenAsHeaderByCaller_MakesPostRetryable()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Status(HttpStatusCode.BadGateway));
        using var request = Post();
        request.Headers.Add("Idempotency-Key", "caller-key-1");

        using var response = await target.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, target.Server.ReceivedCount);
        Assert.Equal(1, target.Server.OperationCountFor("caller-key-1"));
    }

    [Fact]
    public async Task SendAsync_KeyedPost503UntilRetriesRunOut_ThrowsTransientWithAttempts()
    {
        await using var target = await TestTarget.StartAsync(o => o.MaxRetryAttempts = 2);
        target.Server.Enqueue(
            ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable),
            ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable),
            ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable));
        using var request = Post(Key);

        var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.SendAsync(request));

        Assert.Equal(HttpErrorCodes.Transient, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, target.Server.ReceivedCount);
        Assert.Equal(0, target.Server.OperationCount);
    }
}
