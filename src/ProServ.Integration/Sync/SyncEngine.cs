using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProServ.Integration.Errors;
using ProServ.Integration.Internal;
using ProServ.Integration.Telemetry;

namespace ProServ.Integration.Sync;

/// <summary>Runs the registered flows for every tenant, on a schedule and when triggered, as a Generic Host background service.</summary>
/// <remarks>
/// <para>
/// A pass runs, for each tenant, every flow in registration order (project set-up before billing, billing before
/// feedback); up to <see cref="SyncEngineOptions.MaxConcurrency"/> tenants at once. After a pass the engine waits
/// <see cref="SyncEngineOptions.Interval"/>, or the retry delay when a flow was deferred by a transient failure
/// (doubling up to <see cref="SyncEngineOptions.MaxRetryDelay"/>), or until <see cref="Trigger"/> is called.
/// </para>
/// <para>
/// Stopping lets in-flight passes go on for <see cref="SyncEngineOptions.DrainTimeout"/>, then cancels them; a cancelled
/// pass has not advanced its checkpoint past unfinished work, and every step is idempotent, so the next start resumes
/// without duplicates. Thread-safe.
/// </para>
/// </remarks>
public sealed class SyncEngine : BackgroundService
{
    private readonly ISyncFlow[] _flows;
    private readonly SyncEngineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _drain;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private TimeSpan _retryDelay;

    /// <summary>Initializes a new instance of the <see cref="SyncEngine"/> class.</summary>
    /// <param name="flows">The flows, in the order a tenant's pass runs them.</param>
    /// <param name="options">The engine's options.</param>
    /// <param name="timeProvider">The clock that drives the schedule.</param>
    /// <param name="logger">The logger; <see langword="null"/> for none.</param>
    /// <exception cref="OptionsValidationException">The options are invalid (every problem listed).</exception>
    /// <exception cref="ArgumentException">No flow is registered, or two flows share a name.</exception>
    public SyncEngine(IEnumerable<ISyncFlow> flows, IOptions<SyncEngineOptions> options, TimeProvider timeProvider, ILogger<SyncEngine>? logger = null)
    {
        _flows = [.. Guard.NotNull(flows)];
        if (_flows.Length == 0 || _flows.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != _flows.Length)
        {
            throw new ArgumentException("The sync engine needs at least one flow, each with its own name.", nameof(flows));
        }

        _options = Guard.NotNull(Guard.NotNull(options).Value);
        var validation = new SyncEngineOptionsValidator().Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SyncEngineOptions), validation.Failures);
        }

        _timeProvider = Guard.NotNull(timeProvider);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _drain = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        _retryDelay = _options.RetryDelay;
    }

    /// <summary>Gets the flows, in the order a tenant's pass runs them.</summary>
    public IReadOnlyList<ISyncFlow> Flows => _flows;

    /// <summary>Starts the next pass now instead of at the end of the current wait (for example when a webhook announced a change).</summary>
    public void Trigger()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already due: one wake-up is enough.
        }
    }

    /// <summary>Runs one pass: every flow for every tenant, tenants in parallel up to the concurrency limit.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>One entry per tenant and flow, tenants in configuration order.</returns>
    public async Task<IReadOnlyList<SyncFlowRun>> RunPassAsync(CancellationToken cancellationToken = default)
    {
        var tenants = _options.Tenants.ToArray();
        var runs = new SyncFlowRun[tenants.Length][];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, tenants.Length),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (index, ct) => runs[index] = await RunTenantAsync(tenants[index], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. runs.SelectMany(r => r)];
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        SyncLog.Draining(_logger, _options.DrainTimeout);
        _drain.CancelAfter(_options.DrainTimeout);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _drain.Dispose();
        _wake.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<SyncFlowRun> runs;
            try
            {
                runs = await RunPassAsync(_drain.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_drain.IsCancellationRequested || stoppingToken.IsCancellationRequested)
            {
                return;
            }

            TimeSpan wait;
            if (runs.Any(r => r.NeedsRetry))
            {
                wait = _retryDelay;
                _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
            else
            {
                wait = _options.Interval;
                _retryDelay = _options.RetryDelay;
            }

            try
            {
                using var timeout = new CancellationTokenSource(wait, _timeProvider);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, stoppingToken);
                await _wake.WaitAsync(either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The wait ran out: time for the next pass.
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<SyncFlowRun[]> RunTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var runs = new SyncFlowRun[_flows.Length];
        for (var i = 0; i < _flows.Length; i++)
        {
            var flow = _flows[i];
            var started = _timeProvider.GetTimestamp();
            using var activity = IntegrationTelemetry.Source.StartActivity("proserv.sync.pass " + flow.Name);
            activity?.SetTag("proserv.flow", flow.Name);
            activity?.SetTag("proserv.tenant", tenantId);
            string outcome;
            try
            {
                var result = await flow.RunOnceAsync(tenantId, cancellationToken).ConfigureAwait(false);
                runs[i] = new SyncFlowRun(tenantId, flow.Name, result, null, _timeProvider.GetElapsedTime(started));
                outcome = result.Deferred ? "deferred" : "completed";
                SyncLog.PassFinished(_logger, flow.Name, tenantId, result.Read, result.Completed, result.Skipped, result.DeadLettered, result.Deferred);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var code = ex is IntegrationException integration ? integration.ErrorCode : ex.GetType().Name;
                runs[i] = new SyncFlowRun(tenantId, flow.Name, null, code, _timeProvider.GetElapsedTime(started));
                outcome = "faulted";
                activity?.SetStatus(ActivityStatusCode.Error, code);
                SyncLog.PassFaulted(_logger, flow.Name, tenantId, code, ex);
            }

            IntegrationTelemetry.SyncPasses.Add(1, IntegrationTelemetry.Flow(flow.Name), IntegrationTelemetry.Outcome(outcome));
            IntegrationTelemetry.SyncPassDuration.Record(runs[i].Duration.TotalSeconds, IntegrationTelemetry.Flow(flow.Name), IntegrationTelemetry.Outcome(outcome));
        }

        return runs;
    }
}
