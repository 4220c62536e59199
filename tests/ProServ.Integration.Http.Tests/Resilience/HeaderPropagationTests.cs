using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Http.Tests.Resilience;

public sealed class HeaderPropagationTests
{
    [Fact]
    public async Task SendAsync_WithActivityAndCorrelationId_BothArriveOnEveryAttempt()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Status(HttpStatusCode.ServiceUnavailable));
        using var activity = new Activity("sync.time-entries");
        activity.SetIdFormat(ActivityIdFormat.W3C);
        activity.TraceStateString = "proserv=t1";
        activity.Start();
        using var request = new HttpRequestMessage(HttpMethod.Get, "projects").SetCorrelationId("run-2026-03-02/42");

        using var response = await target.Client.SendAsync(request);
        activity.Stop();

        Assert.Equal(2, target.Server.ReceivedCount);
        Assert.All(target.Server.Received, r =>
        {
            Assert.Equal("run-2026-03-02/42", r.CorrelationId);
            // Same trace; the span part is ours, or the socket handler's child span when its diagnostics are on.
            Assert.NotNull(r.TraceParent);
            Assert.StartsWith("00-" + activity.TraceId.ToHexString() + "-", r.TraceParent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SendAsync_WithoutActivity_SendsNoTraceParent()
    {
        await using var target = await TestTarget.StartAsync();
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            using var response = await target.Client.GetAsync(new Uri("projects", UriKind.Relative));
        }
        finally
        {
            Activity.Current = previous;
        }

        Assert.Null(Assert.Single(target.Server.Received).TraceParent);
    }

    [Fact]
    public async Task SendAsync_TracePropagationOff_DoesNotSendCallersSpan()
    {
        await using var target = await TestTarget.StartAsync(o => o.PropagateTraceContext = false);
        using var activity = new Activity("sync").SetIdFormat(ActivityIdFormat.W3C).Start();

        using var response = await target.Client.GetAsync(new Uri("projects", UriKind.Relative));

        // The socket handler may still start its own child span; what must not arrive is our activity's own id.
        Assert.NotEqual(activity.Id, Assert.Single(target.Server.Received).TraceParent, StringComparer.Ordinal);
    }

    [Fact]
    public async Task SendAsync_IdempotencyKeyOption_SentAsStructuredFieldString()
    {
        await using var target = await TestTarget.StartAsync();
        var key = IdempotencyKey.Create("key-\"quoted\"\\x");
        using var request = new HttpRequestMessage(HttpMethod.Post, "invoices") { Content = JsonContent.Create(new { total = 1 }) };
        request.SetIdempotencyKey(key);

        using var response = await target.Client.SendAsync(request);

        Assert.Equal("\"key-\\\"quoted\\\"\\\\x\"", string.Join(",", request.Headers.GetValues("Idempotency-Key")));
        Assert.Equal(key.Value, Assert.Single(target.Server.Received).IdempotencyKey);
    }

    [Fact]
    public async Task SendAsync_RawFormatAndCustomHeaderNames_AreUsed()
    {
        await using var target = await TestTarget.StartAsync(o =>
        {
            o.IdempotencyHeaderFormat = IdempotencyHeaderFormat.Raw;
            o.IdempotencyHeaderName = "X-Request-Key";
            o.CorrelationIdHeaderName = "X-Run-Id";
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "invoices") { Content = JsonContent.Create(new { total = 1 }) };
        request.SetIdempotencyKey(IdempotencyKey.Create("abc-1")).SetCorrelationId("run-1");

        using var response = await target.Client.SendAsync(request);

        Assert.Equal("abc-1", Assert.Single(request.Headers.GetValues("X-Request-Key")));
        Assert.Equal("run-1", Assert.Single(request.Headers.GetValues("X-Run-Id")));
        Assert.False(request.Headers.Contains("Idempotency-Key"));
    }

    [Fact]
    public void SetCorrelationId_NotPrintableAscii_Throws()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://psa.example/");

        Assert.Throws<ArgumentException>(() => request.SetCorrelationId("run 1"));
        Assert.Throws<ArgumentException>(() => request.SetCorrelationId(string.Empty));
        Assert.Throws<ArgumentException>(() => request.SetIdempotencyKey(default));
    }
}
