namespace ProServ.Integration.Connectors;

/// <summary>Represents a connection to one CRM, PSA or ERP system.</summary>
/// <remarks>
/// A connector also implements <see cref="IChangeReader{TRecord}"/> for each stream it reads and
/// <see cref="IRecordWriter{TRecord}"/> for each record type it writes. Implementations must be thread-safe.
/// </remarks>
public interface IConnector
{
    /// <summary>Gets the connector's declaration: system, role, streams and capabilities.</summary>
    ConnectorDescriptor Descriptor { get; }

    /// <summary>Checks that the system is reachable and accepts the credentials.</summary>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The classified result; a check never throws for an unreachable or unauthorized system.</returns>
    ValueTask<ConnectorCheckResult> CheckAsync(CancellationToken cancellationToken = default);
}
