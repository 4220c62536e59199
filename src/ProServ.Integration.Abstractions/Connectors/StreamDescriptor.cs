namespace ProServ.Integration.Connectors;

/// <summary>Describes one stream of records a connector reads or writes.</summary>
/// <param name="Name">The stream's name, unique within the connector (for example <c>opportunities</c>); checkpoints are kept per stream.</param>
/// <param name="RecordType">The canonical schema name of the records in the stream (for example <c>opportunity</c>, <c>time-entry</c>).</param>
/// <param name="Access">Whether the stream can be read, written or both.</param>
/// <param name="EmitsTombstones"><see langword="true"/> when reading reports deletions as <see cref="ChangeKind.Delete"/> changes.</param>
public sealed record StreamDescriptor(string Name, string RecordType, StreamAccess Access, bool EmitsTombstones = false);
