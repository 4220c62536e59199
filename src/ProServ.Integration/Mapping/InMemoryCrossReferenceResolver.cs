using System.Collections.Concurrent;

namespace ProServ.Integration.Mapping;

/// <summary>Keeps cross-references in memory: for tests, samples and single-process tools.</summary>
/// <remarks>Thread-safe. Nothing is persisted; use a durable store in production.</remarks>
public sealed class InMemoryCrossReferenceResolver : ICrossReferenceResolver
{
    private readonly ConcurrentDictionary<(string Tenant, string RecordType, string System, string ExternalId), Guid> _entries = new();

    /// <summary>Gets how many times <see cref="ResolveManyAsync"/> was called, to check batching.</summary>
    public int CallCount => Volatile.Read(ref _callCount);

    private int _callCount;

    /// <summary>Adds or replaces a cross-reference.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="recordType">The canonical schema name of the record type.</param>
    /// <param name="system">The external system.</param>
    /// <param name="externalId">The id in the external system.</param>
    /// <param name="canonicalId">The canonical id.</param>
    public void Add(string tenantId, string recordType, string system, string externalId, Guid canonicalId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(recordType);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(externalId);
        _entries[(tenantId, recordType, system, externalId)] = canonicalId;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, Guid>> ResolveManyAsync(
        string tenantId,
        string recordType,
        string system,
        IReadOnlyCollection<string> externalIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(externalIds);
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _callCount);
        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var externalId in externalIds)
        {
            if (_entries.TryGetValue((tenantId, recordType, system, externalId), out var id))
            {
                found[externalId] = id;
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, Guid>>(found);
    }
}
