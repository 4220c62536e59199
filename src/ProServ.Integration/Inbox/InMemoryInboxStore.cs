namespace ProServ.Integration.Inbox;

/// <summary>Keeps inbox records in process memory. Thread-safe: one lock makes every operation atomic.</summary>
internal sealed class InMemoryInboxStore : IInboxStore
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<(string Consumer, string MessageId), DateTimeOffset> _records = [];

    public InMemoryInboxStore(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public ValueTask<bool> TryRecordAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        InboxArguments.ValidateKey(consumer, messageId);
        cancellationToken.ThrowIfCancellationRequested();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(_timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        lock (_gate)
        {
            return ValueTask.FromResult(_records.TryAdd((consumer, messageId), now));
        }
    }

    public ValueTask<bool> RemoveAsync(string consumer, string messageId, CancellationToken cancellationToken = default)
    {
        InboxArguments.ValidateKey(consumer, messageId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_records.Remove((consumer, messageId)));
        }
    }

    public ValueTask<int> PurgeAsync(DateTimeOffset olderThan, int maxBatch, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var due = _records.Where(r => r.Value < olderThan).OrderBy(r => r.Value).Take(maxBatch).Select(r => r.Key).ToList();
            foreach (var key in due)
            {
                _records.Remove(key);
            }

            return ValueTask.FromResult(due.Count);
        }
    }
}
