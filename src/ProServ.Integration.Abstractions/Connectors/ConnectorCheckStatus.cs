namespace ProServ.Integration.Connectors;

/// <summary>Classifies the result of <see cref="IConnector.CheckAsync(System.Threading.CancellationToken)"/>.</summary>
public enum ConnectorCheckStatus
{
    /// <summary>The system is reachable and accepted the credentials.</summary>
    Healthy = 0,

    /// <summary>The system could not be reached (DNS, connection refused, timeout, 5xx): usually transient.</summary>
    Unreachable = 1,

    /// <summary>The system rejected the credentials (401 or 403).</summary>
    Unauthorized = 2,

    /// <summary>The system answered but the connector's configuration is wrong (unknown endpoint, API version, account).</summary>
    Misconfigured = 3,
}
