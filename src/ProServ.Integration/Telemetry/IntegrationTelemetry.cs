using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProServ.Integration.Telemetry;

/// <summary>The SDK's activity source and instruments (OpenTelemetry naming: lower-case dotted names, units in UCUM).</summary>
internal static class IntegrationTelemetry
{
    public static readonly ActivitySource Source = new(ProServTelemetry.ActivitySourceName);

    private static readonly Meter Meter = new(ProServTelemetry.MeterName);

    /// <summary>Passes of a flow for a tenant; tags <c>proserv.flow</c>, <c>proserv.outcome</c> (completed, deferred, faulted).</summary>
    public static readonly Counter<long> SyncPasses = Meter.CreateCounter<long>("proserv.sync.passes", "{pass}", "Flow passes run by the sync engine.");

    /// <summary>Duration of a flow pass; tags as <see cref="SyncPasses"/>.</summary>
    public static readonly Histogram<double> SyncPassDuration = Meter.CreateHistogram<double>("proserv.sync.pass.duration", "s", "Duration of one flow pass for one tenant.");

    /// <summary>Items a flow parked in the dead-letter store; tags <c>proserv.flow</c>, <c>error.type</c> (the error code).</summary>
    public static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>("proserv.flow.dead_letters", "{item}", "Items a flow parked in the dead-letter store, by reason.");

    /// <summary>Time from an opportunity's closed-won change in the CRM to its project existing in the PSA and the ERP.</summary>
    public static readonly Histogram<double> ProjectSetupLatency = Meter.CreateHistogram<double>("proserv.project_setup.latency", "s", "Time from closed-won in the CRM to the project created in the PSA and ERP.");

    public static KeyValuePair<string, object?> Flow(string name) => new("proserv.flow", name);

    public static KeyValuePair<string, object?> Outcome(string outcome) => new("proserv.outcome", outcome);

    public static KeyValuePair<string, object?> ErrorType(string code) => new("error.type", code);
}
