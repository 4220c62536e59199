using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProServ.Integration.Testing.Http;

/// <summary>Runs a real Kestrel server on 127.0.0.1 (a free port) that plays a script of faults and otherwise behaves like an idempotent write API.</summary>
/// <remarks>
/// <para>Each request takes the next <see cref="ScriptedResponse"/> from the script; when the script is empty the server
/// behaves normally: a write (POST, PUT, PATCH, DELETE) is recorded once per idempotency key and answered
/// <c>201 {"id":n,"key":"..."}</c> — a repeated key replays the first answer without recording again — and
/// <c>GET /operations/{key}</c> answers 200 with the recorded operation or 404, so a connector's write lookup can ask.</para>
/// <para>With <see cref="DeduplicateByKey"/> off, every write that reaches the commit point is recorded, so
/// <see cref="OperationCountFor"/> shows how many times the client made a write land.</para>
/// <para>It counts every request it received and every operation it recorded per key: the evidence that a client wrote
/// exactly once. Thread-safe. Dispose to stop it; hanging requests end then.</para>
/// </remarks>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private const string OperationsPrefix = "/operations/";
    private readonly Lock _gate = new();
    private readonly Queue<ScriptedResponse> _script = new();
    private readonly List<ReceivedRequest> _received = [];
    private readonly Dictionary<string, int> _operationsByKey = new(StringComparer.Ordinal);
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _idempotencyHeader;
    private readonly string _correlationHeader;
    private WebApplication? _app;
    private int _operations;

    private ScriptedHttpServer(string idempotencyHeader, string correlationHeader)
    {
        _idempotencyHeader = idempotencyHeader;
        _correlationHeader = correlationHeader;
    }

    /// <summary>Gets the server's address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets the number of requests received, lookups included.</summary>
    public int ReceivedCount
    {
        get
        {
            lock (_gate)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>Gets the number of operations recorded, over all keys and unkeyed writes.</summary>
    public int OperationCount
    {
        get
        {
            lock (_gate)
            {
                return _operations;
            }
        }
    }

    /// <summary>Gets a snapshot of the requests received, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Gets or sets a value indicating whether a repeated idempotency key replays the first answer instead of recording the write again.</summary>
    /// <value>The default value is <see langword="true"/>, as a vendor that honours keys behaves; <see langword="false"/> plays a vendor that ignores them, so that a test sees every write that landed.</value>
    public bool DeduplicateByKey { get; set; } = true;

    /// <summary>Starts a server on 127.0.0.1 with a free port.</summary>
    /// <param name="idempotencyHeader">The header that carries the idempotency key (quoted or bare).</param>
    /// <param name="correlationHeader">The header that carries the correlation id.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server.</returns>
    public static async Task<ScriptedHttpServer> StartAsync(
        string idempotencyHeader = "Idempotency-Key",
        string correlationHeader = "X-Correlation-Id",
        CancellationToken cancellationToken = default)
    {
        var server = new ScriptedHttpServer(idempotencyHeader, correlationHeader);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Appends steps to the script.</summary>
    /// <param name="steps">The steps, taken one per request in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is <see langword="null"/>.</exception>
    public void Enqueue(params ScriptedResponse[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        lock (_gate)
        {
            foreach (var step in steps)
            {
                _script.Enqueue(step);
            }
        }
    }

    /// <summary>Gets the number of operations recorded under an idempotency key.</summary>
    /// <param name="idempotencyKey">The key, unquoted.</param>
    /// <returns>The count: 1 when the client wrote exactly once.</returns>
    public int OperationCountFor(string idempotencyKey)
    {
        lock (_gate)
        {
            return _operationsByKey.GetValueOrDefault(idempotencyKey);
        }
    }

    /// <summary>Waits until the server has received at least <paramref name="count"/> requests.</summary>
    /// <param name="count">The number of requests.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the count is reached.</returns>
    public Task WaitForRequestsAsync(int count, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_received.Count >= count)
            {
                return Task.CompletedTask;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }

        return signal.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops the server; hanging requests end.</summary>
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

    private static string? Unquote(string? value) =>
        value is { Length: >= 2 } && value[0] == '"' && value[^1] == '"'
            ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : value;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var key = Unquote(request.Headers[_idempotencyHeader].FirstOrDefault());
        var received = new ReceivedRequest(
            request.Method,
            request.Path.Value ?? "/",
            string.IsNullOrEmpty(key) ? null : key,
            request.Headers["traceparent"].FirstOrDefault(),
            request.Headers[_correlationHeader].FirstOrDefault(),
            body);
        ScriptedResponse? step;
        lock (_gate)
        {
            _received.Add(received);
            step = _script.Count > 0 ? _script.Dequeue() : null;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_received.Count >= _waiters[i].Count)
                {
                    _waiters[i].Signal.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }

        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        switch (step?.Kind)
        {
            case ScriptedStepKind.Status:
                await WriteStatusAsync(context, step).ConfigureAwait(false);
                return;
            case ScriptedStepKind.Delay:
                await Task.Delay(step.Wait, ending.Token).ConfigureAwait(false);
                break;
            case ScriptedStepKind.Hang:
                await WaitForeverAsync(ending.Token).ConfigureAwait(false);
                return;
            case ScriptedStepKind.CommitThenHang:
                Commit(received);
                await WaitForeverAsync(ending.Token).ConfigureAwait(false);
                return;
            case ScriptedStepKind.DropAfterCommit:
                Commit(received);
                context.Abort();
                return;
            case ScriptedStepKind.DropBeforeCommit:
                context.Abort();
                return;
        }

        await RespondNormallyAsync(context, received).ConfigureAwait(false);
    }

    private static async Task WaitForeverAsync(CancellationToken token)
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

    private static async Task WriteStatusAsync(HttpContext context, ScriptedResponse step)
    {
        context.Response.StatusCode = (int)step.StatusCode;
        if (step.RetryAfter is { } delta)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(delta.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        else if (step.RetryAt is { } date)
        {
            context.Response.Headers.RetryAfter = date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        }

        if (step.Body is { } text)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task RespondNormallyAsync(HttpContext context, ReceivedRequest received)
    {
        if (HttpMethods.IsGet(received.Method) || HttpMethods.IsHead(received.Method))
        {
            if (received.Path.StartsWith(OperationsPrefix, StringComparison.Ordinal))
            {
                var key = Uri.UnescapeDataString(received.Path[OperationsPrefix.Length..]);
                int count;
                lock (_gate)
                {
                    count = _operationsByKey.GetValueOrDefault(key);
                }

                context.Response.StatusCode = count > 0 ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
                if (count > 0)
                {
                    await WriteOperationAsync(context, key).ConfigureAwait(false);
                }

                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        Commit(received);
        context.Response.StatusCode = StatusCodes.Status201Created;
        await WriteOperationAsync(context, received.IdempotencyKey).ConfigureAwait(false);
    }

    private static Task WriteOperationAsync(HttpContext context, string? key)
    {
        context.Response.ContentType = "application/json";
        var json = key is null ? "{\"key\":null}" : "{\"key\":\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    private void Commit(ReceivedRequest received)
    {
        lock (_gate)
        {
            if (received.IdempotencyKey is { } key)
            {
                var count = _operationsByKey.GetValueOrDefault(key);
                if (count > 0 && DeduplicateByKey)
                {
                    return;
                }

                _operationsByKey[key] = count + 1;
            }

            _operations++;
        }
    }
}
