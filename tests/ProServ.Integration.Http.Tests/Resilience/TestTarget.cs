using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Testing;
using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Http.Tests.Resilience;

/// <summary>A scripted Kestrel server and a named client with the resilience handler, wired through IHttpClientFactory as a user would.</summary>
internal sealed class TestTarget : IAsyncDisposable
{
    public const string Name = "psa";

    private readonly ServiceProvider _services;
    private readonly List<HttpRetryInfo> _retries;
    private readonly Channel<(HttpRetryInfo Info, int TimersBefore)> _retryEvents;

    private TestTarget(
        ScriptedHttpServer server,
        ServiceProvider services,
        ManualTimeProvider clock,
        List<HttpRetryInfo> retries,
        Channel<(HttpRetryInfo Info, int TimersBefore)> retryEvents)
    {
        _retryEvents = retryEvents;
        Server = server;
        _services = services;
        Clock = clock;
        _retries = retries;
        Client = services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
    }

    public ScriptedHttpServer Server { get; }

    public ManualTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public IReadOnlyList<HttpRetryInfo> Retries
    {
        get
        {
            lock (_retries)
            {
                return [.. _retries];
            }
        }
    }

    /// <summary>Starts a server and a client; retries wait no time unless a test asks for back-off, and the clock is manual.</summary>
    public static async Task<TestTarget> StartAsync(Action<HttpResilienceOptions>? configure = null)
    {
        var retryEvents = Channel.CreateUnbounded<(HttpRetryInfo Info, int TimersBefore)>();
        var server = await ScriptedHttpServer.StartAsync();
        var clock = new ManualTimeProvider();
        var retries = new List<HttpRetryInfo>();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddHttpClient(Name, c => c.BaseAddress = server.BaseAddress)
            .AddProServResilienceHandler(o =>
            {
                o.RetryBaseDelay = TimeSpan.Zero;
                o.OnRetry = info =>
                {
                    lock (retries)
                    {
                        retries.Add(info);
                    }

                    // Polly reports a retry before it schedules the wait: remember how many timers ran then.
                    retryEvents.Writer.TryWrite((info, clock.ActiveTimerCount));
                };
                configure?.Invoke(o);
            });
        return new TestTarget(server, services.BuildServiceProvider(validateScopes: true), clock, retries, retryEvents);
    }

    /// <summary>Waits for the next retry, lets the test look at it, then moves the clock by its delay once the wait is scheduled.</summary>
    public async Task<HttpRetryInfo> AdvanceThroughNextRetryAsync(Action<HttpRetryInfo>? beforeAdvance = null)
    {
        var (info, timersBefore) = await _retryEvents.Reader.ReadAsync();
        beforeAdvance?.Invoke(info);
        if (info.Delay > TimeSpan.Zero)
        {
            Assert.True(SpinWait.SpinUntil(() => Clock.ActiveTimerCount > timersBefore, TimeSpan.FromSeconds(30)), "The retry wait was never scheduled.");
            Clock.Advance(info.Delay);
        }

        return info;
    }

    public int CountReceived(HttpMethod method) => Server.Received.Count(r => r.Method == method.Method);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
