using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ProServ.Integration.DependencyInjection;
using ProServ.Integration.Errors;
using ProServ.Integration.Flows;
using ProServ.Integration.Sync;
using ProServ.Integration.Testing;
using Xunit;

namespace ProServ.Integration.Tests.Sync;

public sealed class SyncEngineTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task RunPass_RunsEveryFlowPerTenantInOrder_AndTenantsUpToTheLimitAtOnce()
    {
        var log = new ConcurrentQueue<(string Tenant, string Flow)>();
        var gate = new ConcurrencyProbe();
        var first = new ScriptedFlow("first", log, gate);
        var second = new ScriptedFlow("second", log, gate);
        using var engine = Engine([first, second], o => o.MaxConcurrency = 2, "t1", "t2", "t3", "t4");

        var runs = await engine.RunPassAsync();

        Assert.Equal(8, runs.Count);
        Assert.Equal<string>(["t1", "t1", "t2", "t2", "t3", "t3", "t4", "t4"], [.. runs.Select(r => r.TenantId)]);
        foreach (var tenant in new[] { "t1", "t2", "t3", "t4" })
        {
            Assert.Equal<string>(["first", "second"], [.. log.Where(e => string.Equals(e.Tenant, tenant, StringComparison.Ordinal)).Select(e => e.Flow)]);
        }

        Assert.InRange(gate.Peak, 1, 2);
        Assert.All(runs, r => Assert.False(r.NeedsRetry));
    }

    [Fact]
    public async Task RunPass_AFlowThrows_IsReportedWithItsCode_AndTheOtherFlowsStillRun()
    {
        var log = new ConcurrentQueue<(string Tenant, string Flow)>();
        var failing = new ScriptedFlow("failing", log) { Fault = new IntegrationException("test.broken", "broken") };
        var after = new ScriptedFlow("after", log);
        using var engine = Engine([failing, after], null, "t1");

        var runs = await engine.RunPassAsync();

        Assert.Equal(("test.broken", true), (runs[0].ErrorCode, runs[0].NeedsRetry));
        Assert.Null(runs[0].Result);
        Assert.NotNull(runs[1].Result);
        Assert.Equal(1, after.Runs);
    }

    [Fact]
    public async Task Background_RunsAtOnce_ThenEveryInterval_RetriesDeferredPassesSooner_AndTriggerRunsNow()
    {
        var flow = new ScriptedFlow("only", new ConcurrentQueue<(string, string)>());
        using var engine = Engine([flow], o =>
        {
            o.Interval = TimeSpan.FromMinutes(10);
            o.RetryDelay = TimeSpan.FromSeconds(5);
        }, "t1");

        await engine.StartAsync(CancellationToken.None);
        await flow.WaitForRunsAsync(1);

        flow.DeferNext = true;
        await UntilWaitingAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));
        await flow.WaitForRunsAsync(2);
        await UntilWaitingAsync();
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(2, flow.Runs);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await flow.WaitForRunsAsync(3);
        await UntilWaitingAsync();
        engine.Trigger();
        await flow.WaitForRunsAsync(4);
        await engine.StopAsync(CancellationToken.None);

        Assert.Equal(4, flow.Runs);
    }

    [Fact]
    public async Task Stop_GivesInFlightPassesTheDrainTimeout_ThenCancelsThem()
    {
        var flow = new ScriptedFlow("slow", new ConcurrentQueue<(string, string)>()) { BlockUntilCancelled = true };
        using var engine = Engine([flow], o => o.DrainTimeout = TimeSpan.FromSeconds(10), "t1");
        await engine.StartAsync(CancellationToken.None);
        await flow.WaitForRunsAsync(1);

        var stopping = engine.StopAsync(CancellationToken.None);
        Assert.False(flow.Cancelled.Task.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await stopping;

        Assert.True(await flow.Cancelled.Task);
    }

    [Fact]
    public void Create_InvalidOptions_ListsEveryProblem()
    {
        var options = new SyncEngineOptions { Interval = TimeSpan.Zero, MaxConcurrency = 0, Tenants = ["a", "a", " "] };

        var error = Assert.Throws<OptionsValidationException>(() => new SyncEngine([new ScriptedFlow("x", new())], Options.Create(options), _clock));

        Assert.Contains(error.Failures, f => f.Contains("Interval", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxConcurrency", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("empty tenant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSyncEngine_HostRunsTheRegisteredFlows_AndRejectsInvalidOptionsAtStart()
    {
        var flow = new ScriptedFlow("hosted", new ConcurrentQueue<(string, string)>());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddProServIntegration().AddSyncFlow(_ => flow).AddSyncEngine(o => o.Tenants = ["acme"]);
        using (var host = builder.Build())
        {
            await host.StartAsync();
            await flow.WaitForRunsAsync(1);
            await host.StopAsync();
        }

        var bad = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        bad.Services.AddProServIntegration().AddSyncFlow(_ => flow).AddSyncEngine(o => o.MaxConcurrency = 0);
        using var badHost = bad.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => badHost.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains("Tenants", StringComparison.Ordinal));
        Assert.Equal<string>(["acme"], [.. flow.Tenants.Distinct(StringComparer.Ordinal)]);
    }

    private async Task UntilWaitingAsync()
    {
        // The engine arms its wait timer just after a pass; advancing the clock before that would be lost.
        var patience = System.Diagnostics.Stopwatch.StartNew();
        while (_clock.ActiveTimerCount == 0)
        {
            Assert.True(patience.Elapsed < TimeSpan.FromSeconds(30), "The engine never started waiting.");
            await Task.Yield();
        }
    }

    private SyncEngine Engine(ISyncFlow[] flows, Action<SyncEngineOptions>? configure, params string[] tenants)
    {
        var options = new SyncEngineOptions { Tenants = tenants };
        configure?.Invoke(options);
        return new SyncEngine(flows, Options.Create(options), _clock);
    }

    private sealed class ConcurrencyProbe
    {
        private int _current;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public async Task HoldAsync()
        {
            var now = Interlocked.Increment(ref _current);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }

            await Task.Yield();
            Interlocked.Decrement(ref _current);
        }
    }

    private sealed class ScriptedFlow(string name, ConcurrentQueue<(string Tenant, string Flow)> log, ConcurrencyProbe? probe = null) : ISyncFlow
    {
        private readonly Lock _gate = new();
        private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
        private int _runs;

        public string Name { get; } = name;

        public Exception? Fault { get; init; }

        public bool DeferNext { get; set; }

        public bool BlockUntilCancelled { get; init; }

        public TaskCompletionSource<bool> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<string> Tenants { get; } = new();

        public int Runs => Volatile.Read(ref _runs);

        public async ValueTask<FlowRunResult> RunOnceAsync(string tenantId, CancellationToken cancellationToken = default)
        {
            log.Enqueue((tenantId, Name));
            Tenants.Enqueue(tenantId);
            if (probe is not null)
            {
                await probe.HoldAsync();
            }

            var deferred = DeferNext;
            DeferNext = false;
            Count();
            if (BlockUntilCancelled)
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Cancelled.TrySetResult(true);
                    throw;
                }
            }

            if (Fault is not null)
            {
                throw Fault;
            }

            return new FlowRunResult(1, 1, 0, 0, deferred, 1);
        }

        public Task WaitForRunsAsync(int count)
        {
            lock (_gate)
            {
                if (_runs >= count)
                {
                    return Task.CompletedTask;
                }

                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, signal));
                return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }

        private void Count()
        {
            lock (_gate)
            {
                _runs++;
                foreach (var waiter in _waiters.Where(w => _runs >= w.Count).ToList())
                {
                    waiter.Signal.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }
        }
    }
}
