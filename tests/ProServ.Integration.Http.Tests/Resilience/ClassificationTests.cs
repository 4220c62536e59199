using System.Net;
using System.Net.Http.Json;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Http.Tests.Resilience;

public sealed class ClassificationTests
{
    private static readonly IdempotencyKey Key = IdempotencyKey.Create("invoice-2026-0042");

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.UnprocessableEntity)]
    public async Task SendAsync_PermanentStatus_ThrowsPermanentWithoutRetry(HttpStatusCode status)
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Status(status, body: "{\"error\":\"customer is archived\"}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "invoices") { Content = JsonContent.Create(new { total = 100 }) };
        request.SetIdempotencyKey(Key).SetCorrelationId("run-9/invoice-42");

        var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.SendAsync(request));

        Assert.Equal(HttpErrorCodes.Permanent, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal("run-9/invoice-42", error.CorrelationId);
        Assert.Equal(Key.Value, error.IdempotencyKey);
        Assert.Equal("POST", error.Method);
        Assert.Equal(TestTarget.Name, error.TargetName);
        Assert.Equal(1, error.Attempts);
        Assert.Equal("{\"error\":\"customer is archived\"}", error.ResponseBodyExcerpt);
        Assert.Equal(1, target.Server.ReceivedCount);
        Assert.Empty(target.Retries);
    }

    [Fact]
    public async Task SendAsync_GetAnswered404_ThrowsPermanentWithoutRetry()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Status(HttpStatusCode.NotFound));

        var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.GetAsync(new Uri("projects/p-404", UriKind.Relative)));

        Assert.Equal(HttpErrorCodes.Permanent, error.ErrorCode);
        Assert.Null(error.ResponseBodyExcerpt);
        Assert.Equal(1, target.Server.ReceivedCount);
    }

    [Fact]
    public async Task SendAsync_KeyedPostAnswered409_IsIdempotentSuccess()
    {
        await using var target = await TestTarget.StartAsync();
        target.Server.Enqueue(ScriptedResponse.Status(HttpStatusCode.Conflict, body: "{\"id\":\"INV-42\"}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "invoices") { Content = JsonContent.Create(new { total = 100 }) };
        request.SetIdempotencyKey(Key);

        using var response = await target.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpCallOutcome.AlreadyExists, response.GetCallOutcome());
        Assert.Equal("{\"id\":\"INV-42\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, target.Server.ReceivedCount);
    }

    [Fact]
    public async Task SendAsync_ConnectorClassifier_OverridesDefault()
    {
        // A vendor that answers 423 Locked while a period is being closed, and 409 for a genuine conflict.
        await using var target = await TestTarget.StartAsync(o => o.Classifier = new LockedIsTransientClassifier());
        target.Server.Enqueue(ScriptedResponse.Status(HttpStatusCode.Locked), ScriptedResponse.Status(HttpStatusCode.Conflict));
        using var request = new HttpRequestMessage(HttpMethod.Post, "invoices") { Content = JsonContent.Create(new { total = 100 }) };
        request.SetIdempotencyKey(Key);

        var error = await Assert.ThrowsAsync<HttpCallException>(() => target.Client.SendAsync(request));

        Assert.Equal(HttpErrorCodes.Permanent, error.ErrorCode);
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(2, target.Server.ReceivedCount);
    }

    [Theory]
    [InlineData("GET", 200, HttpResponseClass.Success)]
    [InlineData("POST", 201, HttpResponseClass.Success)]
    [InlineData("GET", 304, HttpResponseClass.Success)]
    [InlineData("GET", 408, HttpResponseClass.Transient)]
    [InlineData("POST", 429, HttpResponseClass.Transient)]
    [InlineData("GET", 500, HttpResponseClass.Transient)]
    [InlineData("POST", 502, HttpResponseClass.Transient)]
    [InlineData("PUT", 503, HttpResponseClass.Transient)]
    [InlineData("GET", 504, HttpResponseClass.Transient)]
    [InlineData("POST", 409, HttpResponseClass.AlreadyExists)]
    [InlineData("PUT", 409, HttpResponseClass.AlreadyExists)]
    [InlineData("PATCH", 409, HttpResponseClass.AlreadyExists)]
    [InlineData("GET", 409, HttpResponseClass.Permanent)]
    [InlineData("DELETE", 409, HttpResponseClass.Permanent)]
    [InlineData("POST", 400, HttpResponseClass.Permanent)]
    [InlineData("POST", 401, HttpResponseClass.Permanent)]
    [InlineData("POST", 403, HttpResponseClass.Permanent)]
    [InlineData("GET", 404, HttpResponseClass.Permanent)]
    [InlineData("POST", 422, HttpResponseClass.Permanent)]
    [InlineData("POST", 413, HttpResponseClass.Permanent)]
    public void Classify_StatusCode_MatchesDocumentedTable(string method, int status, HttpResponseClass expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://psa.example/x");
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(expected, DefaultHttpResponseClassifier.Instance.Classify(request, response));
    }

    private sealed class LockedIsTransientClassifier : DefaultHttpResponseClassifier
    {
        public override HttpResponseClass Classify(HttpRequestMessage request, HttpResponseMessage response) =>
            response.StatusCode switch
            {
                HttpStatusCode.Locked => HttpResponseClass.Transient,
                HttpStatusCode.Conflict => HttpResponseClass.Permanent,
                _ => base.Classify(request, response),
            };
    }
}
