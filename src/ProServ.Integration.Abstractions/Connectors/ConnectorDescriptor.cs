namespace ProServ.Integration.Connectors;

/// <summary>Declares a connector: the system it talks to, its role, its streams and its capabilities.</summary>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record ConnectorDescriptor
{
    /// <summary>Gets the system name used in external references and cross-references (for example <c>salesforce</c>), lower case.</summary>
    public required string System { get; init; }

    /// <summary>Gets the role the system plays.</summary>
    public required SystemRole Role { get; init; }

    /// <summary>Gets the streams the connector reads or writes.</summary>
    public required IReadOnlyList<StreamDescriptor> Streams { get; init; }

    /// <summary>Gets what the system supports.</summary>
    public ConnectorCapabilities Capabilities { get; init; } = new();

    /// <summary>Finds a stream by name.</summary>
    /// <param name="name">The stream name (ordinal comparison).</param>
    /// <returns>The stream, or <see langword="null"/> when the connector has no stream of that name.</returns>
    public StreamDescriptor? FindStream(string name)
    {
        foreach (var stream in Streams)
        {
            if (string.Equals(stream.Name, name, StringComparison.Ordinal))
            {
                return stream;
            }
        }

        return null;
    }
}
