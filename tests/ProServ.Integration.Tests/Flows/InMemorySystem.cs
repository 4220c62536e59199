using System.Globalization;
using ProServ.Integration.Connectors;
using ProServ.Integration.Errors;

namespace ProServ.Integration.Tests.Flows;

/// <summary>A small in-memory system end for flow tests: a change feed, a lookup, and a writer that de-duplicates by idempotency key like a well-behaved system, with scripted failures.</summary>
internal sealed class InMemorySystem<TRecord> : IChangeReader<TRecord>, IRecordLookup<TRecord>, IRecordWriter<TRecord>
    where TRecord : class
{
    private readonly Lock _gate = new();
    private readonly List<RecordChange<TRecord>> _feed = [];
    private readonly Dictionary<string, WriteResult> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TRecord> _records = new(StringComparer.Ordinal);
    private readonly Queue<Func<bool, IntegrationException?>> _faults = new();
    private readonly string _prefix;
    private int _next;

    public InMemorySystem(string prefix) => _prefix = prefix;

    public string StreamName => _prefix;

    public int Creates { get; private set; }

    public int Writes { get; private set; }

    public List<WriteRequest<TRecord>> Requests { get; } = [];

    public IReadOnlyDictionary<string, TRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, TRecord>(_records, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Appends a change to the feed (what the source system would report next).</summary>
    public void Publish(string externalId, TRecord? record, ChangeKind kind = ChangeKind.Upsert)
    {
        lock (_gate)
        {
            _records[externalId] = record!;
            _feed.Add(new RecordChange<TRecord>(kind, externalId, (_feed.Count + 1).ToString(CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch.AddMinutes(_feed.Count), record));
        }
    }

    /// <summary>Fails the next write before it commits.</summary>
    public void FailNextBeforeCommit(bool transient) =>
        _faults.Enqueue(committed => committed ? null : new IntegrationException(transient ? "test.transient" : "test.permanent", "scripted failure", transient));

    /// <summary>Commits the next write, then fails as if the response was lost.</summary>
    public void FailNextAfterCommit() =>
        _faults.Enqueue(committed => committed ? new IntegrationException("test.lost-response", "response lost after commit", isTransient: true) : null);

    public async IAsyncEnumerable<ChangePage<TRecord>> ReadChangesAsync(ReadRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var position = request.Cursor is null ? 0 : int.Parse(request.Cursor, CultureInfo.InvariantCulture);
        var size = request.PageSize ?? 2;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<RecordChange<TRecord>> page;
            lock (_gate)
            {
                page = _feed.Skip(position).Take(size).ToList();
            }

            if (page.Count == 0)
            {
                yield break;
            }

            position += page.Count;
            await Task.Yield();
            yield return new ChangePage<TRecord>(page, position.ToString(CultureInfo.InvariantCulture));
        }
    }

    public ValueTask<RecordChange<TRecord>?> GetAsync(string tenantId, string externalId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_records.TryGetValue(externalId, out var record)
                ? new RecordChange<TRecord>(ChangeKind.Upsert, externalId, "1", DateTimeOffset.UnixEpoch, record)
                : null);
        }
    }

    public ValueTask<WriteResult> WriteAsync(WriteRequest<TRecord> request, CancellationToken cancellationToken = default)
    {
        var fault = _faults.Count > 0 ? _faults.Dequeue() : null;
        if (fault?.Invoke(false) is { } before)
        {
            throw before;
        }

        WriteResult result;
        lock (_gate)
        {
            Writes++;
            Requests.Add(request);
            if (_byKey.TryGetValue(request.IdempotencyKey, out var earlier))
            {
                result = earlier with { Outcome = WriteOutcome.AlreadyApplied };
            }
            else if (request.ExternalId is { } id)
            {
                _records[id] = request.Record;
                result = new WriteResult(WriteOutcome.Updated, id);
                _byKey[request.IdempotencyKey] = result;
            }
            else
            {
                Creates++;
                var newId = _prefix + "-" + (++_next).ToString(CultureInfo.InvariantCulture);
                _records[newId] = request.Record;
                result = new WriteResult(WriteOutcome.Created, newId);
                _byKey[request.IdempotencyKey] = result;
            }
        }

        if (fault?.Invoke(true) is { } after)
        {
            throw after;
        }

        return ValueTask.FromResult(result);
    }

    public ValueTask<WriteResult?> FindWriteAsync(string tenantId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byKey.TryGetValue(idempotencyKey, out var result) ? result : null);
        }
    }
}
