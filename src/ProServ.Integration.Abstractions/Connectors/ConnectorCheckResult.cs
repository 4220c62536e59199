namespace ProServ.Integration.Connectors;

/// <summary>Reports whether a connector can reach its system with its credentials, with a clear reason when it cannot.</summary>
/// <param name="Status">The classified result.</param>
/// <param name="Code">A stable error code (for example <c>connector.unauthorized</c>), or <see langword="null"/> when healthy.</param>
/// <param name="Message">A message an operator can act on, or <see langword="null"/> when healthy.</param>
public sealed record ConnectorCheckResult(ConnectorCheckStatus Status, string? Code = null, string? Message = null)
{
    /// <summary>Gets the result of a successful check.</summary>
    public static ConnectorCheckResult Healthy { get; } = new(ConnectorCheckStatus.Healthy);

    /// <summary>Gets a value indicating whether the check succeeded.</summary>
    public bool IsHealthy => Status == ConnectorCheckStatus.Healthy;
}
