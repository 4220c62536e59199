using ProServ.Integration.Errors;
using static ProServ.Integration.CrossReference.CrossReferenceArguments;

namespace ProServ.Integration.CrossReference;

/// <summary>
/// Keeps cross-references in process memory. Thread-safe: one lock guards the maps, which makes every operation atomic.
/// Suited to tests and single-process tools; links are lost when the process ends.
/// </summary>
internal sealed class InMemoryCrossReferenceStore : ICrossReferenceStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<LinkKey, Link> _byExternal = [];
    private readonly Dictionary<(string Tenant, Guid CanonicalId), List<Link>> _byCanonical = [];
    private readonly List<(string Tenant, CrossReferenceHistoryEntry Entry)> _history = [];

    public InMemoryCrossReferenceStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public ValueTask<CrossReferenceResult> GetOrCreateAsync(
        string tenant,
        string recordType,
        string system,
        string externalId,
        Func<Guid> newCanonicalId,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(tenant, recordType, system, externalId);
        ArgumentNullException.ThrowIfNull(newCanonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        var key = new LinkKey(tenant, recordType, system, externalId);
        lock (_gate)
        {
            if (_byExternal.TryGetValue(key, out var existing))
            {
                return ValueTask.FromResult(new CrossReferenceResult(existing.CanonicalId, Created: false));
            }
        }

        var candidate = newCanonicalId();
        if (candidate == Guid.Empty)
        {
            throw new ArgumentException("The canonical id factory returned Guid.Empty.", nameof(newCanonicalId));
        }

        lock (_gate)
        {
            if (_byExternal.TryGetValue(key, out var existing))
            {
                return ValueTask.FromResult(new CrossReferenceResult(existing.CanonicalId, Created: false));
            }

            AddLink(key, candidate);
            return ValueTask.FromResult(new CrossReferenceResult(candidate, Created: true));
        }
    }

    public ValueTask LinkAsync(
        string tenant,
        string recordType,
        Guid canonicalId,
        string system,
        string externalId,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(tenant, recordType, system, externalId);
        ValidateCanonicalId(canonicalId);
        cancellationToken.ThrowIfCancellationRequested();
        var key = new LinkKey(tenant, recordType, system, externalId);
        lock (_gate)
        {
            if (_byExternal.TryGetValue(key, out var existing))
            {
                if (existing.CanonicalId == canonicalId)
                {
                    return ValueTask.CompletedTask;
                }

                throw Conflict($"{system} {recordType} '{externalId}' is linked to canonical id {existing.CanonicalId}, not {canonicalId}.");
            }

            if (_byCanonical.TryGetValue((tenant, canonicalId), out var links))
            {
                foreach (var link in links)
                {
                    if (!string.Equals(link.Key.RecordType, recordType, StringComparison.Ordinal))
                    {
                        throw Conflict($"Canonical id {canonicalId} belongs to record type '{link.Key.RecordType}', not '{recordType}'.");
                    }

                    if (string.Equals(link.Key.System, system, StringComparison.Ordinal))
                    {
                        throw Conflict($"Canonical id {canonicalId} already has {system} id '{link.Key.ExternalId}'; use RekeyAsync to change it.");
                    }
                }
            }

            AddLink(key, canonicalId);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyDictionary<string, Guid>> LookupManyAsync(
        string tenant,
        string recordType,
        string system,
        IReadOnlyCollection<string> externalIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordType);
        ArgumentException.ThrowIfNullOrWhiteSpace(system);
        ArgumentNullException.ThrowIfNull(externalIds);
        cancellationToken.ThrowIfCancellationRequested();
        var found = new Dictionary<string, Guid>(externalIds.Count, StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var externalId in externalIds)
            {
                if (externalId is not null && _byExternal.TryGetValue(new LinkKey(tenant, recordType, system, externalId), out var link))
                {
                    found[externalId] = link.CanonicalId;
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyDictionary<string, Guid>>(found);
    }

    public ValueTask<IReadOnlyList<CrossReferenceLink>> FindExternalIdsAsync(
        string tenant,
        Guid canonicalId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        cancellationToken.ThrowIfCancellationRequested();
        List<CrossReferenceLink> result;
        lock (_gate)
        {
            if (!_byCanonical.TryGetValue((tenant, canonicalId), out var links))
            {
                return ValueTask.FromResult<IReadOnlyList<CrossReferenceLink>>([]);
            }

            result = new List<CrossReferenceLink>(links.Count);
            foreach (var link in links)
            {
                result.Add(new CrossReferenceLink(link.Key.RecordType, canonicalId, link.Key.System, link.Key.ExternalId, link.CreatedAt));
            }
        }

        result.Sort(static (a, b) =>
        {
            var bySystem = string.CompareOrdinal(a.System, b.System);
            return bySystem != 0 ? bySystem : string.CompareOrdinal(a.ExternalId, b.ExternalId);
        });
        return ValueTask.FromResult<IReadOnlyList<CrossReferenceLink>>(result);
    }

    public ValueTask<Guid> RekeyAsync(
        string tenant,
        string recordType,
        string system,
        string oldExternalId,
        string newExternalId,
        CancellationToken cancellationToken = default)
    {
        ValidateKey(tenant, recordType, system, oldExternalId);
        ArgumentException.ThrowIfNullOrWhiteSpace(newExternalId);
        cancellationToken.ThrowIfCancellationRequested();
        var oldKey = new LinkKey(tenant, recordType, system, oldExternalId);
        var newKey = new LinkKey(tenant, recordType, system, newExternalId);
        lock (_gate)
        {
            var hasNew = _byExternal.TryGetValue(newKey, out var newLink);
            if (!_byExternal.TryGetValue(oldKey, out var oldLink))
            {
                if (hasNew)
                {
                    // Already rekeyed: a retried call is a no-op.
                    return ValueTask.FromResult(newLink!.CanonicalId);
                }

                throw new IntegrationException(CrossReferenceErrorCodes.NotFound, $"{system} {recordType} '{oldExternalId}' has no cross-reference to rekey.");
            }

            if (hasNew)
            {
                if (newLink!.CanonicalId != oldLink.CanonicalId)
                {
                    throw Conflict($"{system} {recordType} '{newExternalId}' is already linked to canonical id {newLink.CanonicalId}.");
                }
            }
            else
            {
                AddLink(newKey, oldLink.CanonicalId);
            }

            RemoveLink(oldLink);
            _history.Add((tenant, new CrossReferenceHistoryEntry(
                CrossReferenceChangeKind.Rekeyed, recordType, oldLink.CanonicalId, null, system, oldExternalId, newExternalId, Now())));
            return ValueTask.FromResult(oldLink.CanonicalId);
        }
    }

    public ValueTask MergeAsync(
        string tenant,
        string recordType,
        Guid loserCanonicalId,
        Guid survivorCanonicalId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordType);
        ValidateCanonicalId(loserCanonicalId);
        ValidateCanonicalId(survivorCanonicalId);
        if (loserCanonicalId == survivorCanonicalId)
        {
            throw new ArgumentException("A record cannot be merged into itself.", nameof(survivorCanonicalId));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!TryGetRecordType(tenant, survivorCanonicalId, out var survivorType) || !string.Equals(survivorType, recordType, StringComparison.Ordinal))
            {
                throw new IntegrationException(CrossReferenceErrorCodes.NotFound, $"Survivor {recordType} {survivorCanonicalId} has no cross-reference.");
            }

            if (!TryGetRecordType(tenant, loserCanonicalId, out var loserType) || !string.Equals(loserType, recordType, StringComparison.Ordinal))
            {
                throw new IntegrationException(CrossReferenceErrorCodes.NotFound, $"Loser {recordType} {loserCanonicalId} has no cross-reference.");
            }

            var loserLinks = _byCanonical[(tenant, loserCanonicalId)].ToArray();
            foreach (var link in loserLinks)
            {
                RemoveLink(link);
                AddLink(link.Key, survivorCanonicalId, link.CreatedAt);
            }

            _history.Add((tenant, new CrossReferenceHistoryEntry(
                CrossReferenceChangeKind.Merged, recordType, loserCanonicalId, survivorCanonicalId, null, null, null, Now())));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<CrossReferenceHistoryEntry>> GetHistoryAsync(
        string tenant,
        Guid canonicalId,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new List<CrossReferenceHistoryEntry>();
        lock (_gate)
        {
            foreach (var (entryTenant, entry) in _history)
            {
                if (string.Equals(entryTenant, tenant, StringComparison.Ordinal)
                    && (entry.CanonicalId == canonicalId || entry.SurvivorCanonicalId == canonicalId))
                {
                    result.Add(entry);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<CrossReferenceHistoryEntry>>(result);
    }

    private DateTimeOffset Now()
    {
        var now = _timeProvider.GetUtcNow();
        return DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
    }

    private bool TryGetRecordType(string tenant, Guid canonicalId, out string recordType)
    {
        if (_byCanonical.TryGetValue((tenant, canonicalId), out var links) && links.Count > 0)
        {
            recordType = links[0].Key.RecordType;
            return true;
        }

        recordType = string.Empty;
        return false;
    }

    private void AddLink(LinkKey key, Guid canonicalId, DateTimeOffset? createdAt = null)
    {
        var link = new Link(key, canonicalId, createdAt ?? Now());
        _byExternal[key] = link;
        if (!_byCanonical.TryGetValue((key.Tenant, canonicalId), out var links))
        {
            links = [];
            _byCanonical[(key.Tenant, canonicalId)] = links;
        }

        links.Add(link);
    }

    private void RemoveLink(Link link)
    {
        _byExternal.Remove(link.Key);
        var canonicalKey = (link.Key.Tenant, link.CanonicalId);
        var links = _byCanonical[canonicalKey];
        links.Remove(link);
        if (links.Count == 0)
        {
            _byCanonical.Remove(canonicalKey);
        }
    }

    private readonly record struct LinkKey(string Tenant, string RecordType, string System, string ExternalId);

    private sealed record Link(LinkKey Key, Guid CanonicalId, DateTimeOffset CreatedAt);
}
