using ProServ.Integration.Errors;

namespace ProServ.Integration.Checkpoints;

/// <summary>Keeps checkpoints in process memory. Thread-safe: one lock makes compare-and-advance atomic.</summary>
internal sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<(string Tenant, string Connector, string Stream), Checkpoint> _checkpoints = [];

    public InMemoryCheckpointStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public ValueTask<Checkpoint?> GetAsync(string tenant, string connector, string stream, CancellationToken cancellationToken = default)
    {
        CheckpointArguments.ValidateKey(tenant, connector, stream);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_checkpoints.GetValueOrDefault((tenant, connector, stream)));
        }
    }

    public ValueTask<Checkpoint> AdvanceAsync(
        string tenant,
        string connector,
        string stream,
        long expectedVersion,
        string cursor,
        CancellationToken cancellationToken = default)
    {
        CheckpointArguments.ValidateKey(tenant, connector, stream);
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        var key = (tenant, connector, stream);
        lock (_gate)
        {
            var current = _checkpoints.GetValueOrDefault(key);
            var currentVersion = current?.Version ?? 0;
            if (currentVersion != expectedVersion)
            {
                throw new IntegrationException(
                    CheckpointErrorCodes.Conflict,
                    $"Checkpoint {connector}/{stream} of tenant '{tenant}' is at version {currentVersion}, not {expectedVersion}: another worker advanced it.");
            }

            var now = DateTimeOffset.FromUnixTimeMilliseconds(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            var next = new Checkpoint(tenant, connector, stream, cursor, expectedVersion + 1, now);
            _checkpoints[key] = next;
            return ValueTask.FromResult(next);
        }
    }
}
