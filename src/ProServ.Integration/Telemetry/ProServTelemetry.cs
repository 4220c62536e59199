namespace ProServ.Integration.Telemetry;

/// <summary>Names the SDK's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>, for OpenTelemetry set-up (<c>AddSource</c>, <c>AddMeter</c>).</summary>
/// <remarks>The instruments and activities are listed in docs/telemetry.md.</remarks>
public static class ProServTelemetry
{
    /// <summary>The name of the activity source every flow and sync pass starts its activities on.</summary>
    public const string ActivitySourceName = "ProServ.Integration";

    /// <summary>The name of the meter every SDK instrument belongs to.</summary>
    public const string MeterName = "ProServ.Integration";
}
