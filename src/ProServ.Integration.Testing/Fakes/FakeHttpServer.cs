using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Testing.Fakes;

/// <summary>Hosts a fake system on Kestrel at 127.0.0.1 on a free port, with request logging, bearer authentication and fault injection in front of its endpoints.</summary>
/// <remarks>
/// The fake CRM, PSA and ERP servers of the Testing kit are built on it; a connector author can build a fake of their own
/// system the same way: map its endpoints over <see cref="FakeRecordTable"/>s and get the same faults and counters.
/// Order of the front door, per request: log it, apply an armed or random fault (a status, a delay, a hang, a dropped
/// connection), check the bearer token (401 when wrong), run the endpoint — for a drop-after-commit fault the endpoint
/// runs and commits, and then the connection is dropped instead of the response being sent.
/// </remarks>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly FakeServerOptions _options;
    private WebApplication? _app;

    private FakeHttpServer(FakeServerOptions options)
    {
        _options = options;
        Faults = new FaultInjector(options.Faults, options.TimeProvider);
        Requests = new FakeRequestLog(options.MaxRecordedRequests);
    }

    /// <summary>Gets the server's base address, ending with a slash (for example <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the fault injector, to arm faults or read what was injected.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Gets the log of received requests.</summary>
    public FakeRequestLog Requests { get; }

    /// <summary>Starts a fake system.</summary>
    /// <param name="options">The clock, token, faults and logging limits.</param>
    /// <param name="mapEndpoints">Maps the fake system's endpoints (minimal APIs).</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">The options are invalid (every problem listed).</exception>
    public static async Task<FakeHttpServer> StartAsync(FakeServerOptions options, Action<IEndpointRouteBuilder> mapEndpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mapEndpoints);
        ArgumentException.ThrowIfNullOrEmpty(options.AccessToken);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);
        var host = new FakeHttpServer(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Use(host.FrontAsync);
        app.UseRouting();
        mapEndpoints(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        host._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    /// <summary>Stops the server and releases its port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private static async Task WaitUntilCancelledAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the server is stopping: that is how a hang ends.
        }
    }

    private async Task FrontAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        request.Body.Position = 0;
        var key = request.Headers["Idempotency-Key"].FirstOrDefault() ?? request.Headers["X-NetSuite-Idempotency-Key"].FirstOrDefault();
        Requests.Add(new ReceivedRequest(
            request.Method,
            request.Path.Value + request.QueryString.Value,
            string.IsNullOrEmpty(key) ? null : key,
            request.Headers["traceparent"].FirstOrDefault(),
            request.Headers["X-Correlation-Id"].FirstOrDefault(),
            body));

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        var decision = Faults.Decide(request.Method);
        switch (decision.Kind)
        {
            case FaultDecisionKind.Status:
                context.Response.StatusCode = decision.StatusCode;
                if (decision.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    "{\"error\":\"injected\",\"status\":" + decision.StatusCode.ToString(CultureInfo.InvariantCulture) + "}",
                    context.RequestAborted).ConfigureAwait(false);
                return;
            case FaultDecisionKind.Delay:
                await Task.Delay(decision.Delay, _options.TimeProvider, ending.Token).ConfigureAwait(false);
                break;
            case FaultDecisionKind.Hang:
                await WaitUntilCancelledAsync(ending.Token).ConfigureAwait(false);
                return;
            case FaultDecisionKind.DropBeforeCommit:
                context.Abort();
                return;
        }

        if (!Authorized(request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"error\":\"invalid_token\"}", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (decision.Kind is FaultDecisionKind.DropAfterCommit or FaultDecisionKind.CommitThenHang)
        {
            // Run the endpoint (it commits) into a private buffer, then never send the response.
            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = original;
            }

            if (decision.Kind == FaultDecisionKind.CommitThenHang)
            {
                await WaitUntilCancelledAsync(ending.Token).ConfigureAwait(false);
                return;
            }

            context.Abort();
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        const string Prefix = "Bearer ";
        return header is not null
            && header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header[Prefix.Length..].Trim(), _options.AccessToken, StringComparison.Ordinal);
    }
}
