using System.Text.Json.Nodes;

namespace ProServ.Integration.Testing.Fakes;

/// <summary>Holds the records of one object type inside a fake system: versioned, soft-deleted, de-duplicated by idempotency key, and queryable by modification time.</summary>
/// <remarks>
/// <para>Thread-safe. Every read returns deep copies, so callers can never change stored data by accident.</para>
/// <para>
/// <see cref="ModifiedAtLag"/> imitates a vendor whose "modified" stamp is taken before the commit becomes visible:
/// a record can appear with a timestamp earlier than records a reader has already seen. Readers that do not use an
/// overlap window miss such records; that is what the conformance suites test.
/// </para>
/// </remarks>
public sealed class FakeRecordTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeRecord> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idsByKey = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly Func<long, string> _idFactory;
    private long _nextId;
    private long _sequence;
    private long _createCalls;
    private long _replayedCreates;
    private TimeSpan _lag;

    /// <summary>Initializes a new instance of the <see cref="FakeRecordTable"/> class.</summary>
    /// <param name="name">The object type's name in the vendor's API (for example <c>Opportunity</c>).</param>
    /// <param name="timeProvider">The clock that stamps modifications.</param>
    /// <param name="idFactory">Turns a counter (1, 2, …) into the vendor's id format; <see langword="null"/> formats the counter as text.</param>
    public FakeRecordTable(string name, TimeProvider timeProvider, Func<long, string>? idFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Name = name;
        _timeProvider = timeProvider;
        _idFactory = idFactory ?? (n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Occurs after a record is created, updated or deleted, with the new snapshot; raised outside the table's lock.</summary>
    public event EventHandler<FakeRecordChangedEventArgs>? Changed;

    /// <summary>Gets the object type's name.</summary>
    public string Name { get; }

    /// <summary>Gets or sets how far behind the clock the fake stamps <see cref="FakeRecord.ModifiedAt"/>; must not be negative. The default value is <see cref="TimeSpan.Zero"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan ModifiedAtLag
    {
        get
        {
            lock (_gate)
            {
                return _lag;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _lag = value;
            }
        }
    }

    /// <summary>Gets the number of records, tombstones included.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Gets the number of create calls received, including those answered from the idempotency index.</summary>
    public long CreateCalls => Interlocked.Read(ref _createCalls);

    /// <summary>Gets the number of create calls answered with an existing record because their idempotency key was already used.</summary>
    public long ReplayedCreates => Interlocked.Read(ref _replayedCreates);

    /// <summary>Creates a record, or returns the record already created with the same idempotency key.</summary>
    /// <param name="data">The record's fields; copied.</param>
    /// <param name="idempotencyKey">The caller's idempotency key, or <see langword="null"/> when the call carries none.</param>
    /// <returns>The record and whether it was created by this call.</returns>
    public (FakeRecord Record, bool Created) Create(JsonObject data, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        FakeRecord record;
        Interlocked.Increment(ref _createCalls);
        lock (_gate)
        {
            if (idempotencyKey is not null && _idsByKey.TryGetValue(idempotencyKey, out var existingId))
            {
                Interlocked.Increment(ref _replayedCreates);
                return (Copy(_records[existingId]), false);
            }

            var id = _idFactory(++_nextId);
            var copy = (JsonObject)data.DeepClone();
            record = new FakeRecord(id, 1, Stamp(), false, copy, ++_sequence);
            _records.Add(id, record);
            if (idempotencyKey is not null)
            {
                _idsByKey.Add(idempotencyKey, id);
            }
        }

        Changed?.Invoke(this, new FakeRecordChangedEventArgs(Copy(record)));
        return (Copy(record), true);
    }

    /// <summary>Changes a record's fields and increments its version.</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="update">Changes a private copy of the fields in place.</param>
    /// <returns>The new snapshot, or <see langword="null"/> when no live record has that id.</returns>
    public FakeRecord? Update(string id, Action<JsonObject> update)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(update);
        FakeRecord record;
        lock (_gate)
        {
            if (!_records.TryGetValue(id, out var current) || current.IsDeleted)
            {
                return null;
            }

            var data = (JsonObject)current.Data.DeepClone();
            update(data);
            record = current with { Version = current.Version + 1, ModifiedAt = Stamp(), Data = data, Sequence = ++_sequence };
            _records[id] = record;
        }

        Changed?.Invoke(this, new FakeRecordChangedEventArgs(Copy(record)));
        return Copy(record);
    }

    /// <summary>Deletes a record, keeping a tombstone with a new version.</summary>
    /// <param name="id">The record's id.</param>
    /// <returns><see langword="true"/> when a live record was deleted.</returns>
    public bool Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        FakeRecord record;
        lock (_gate)
        {
            if (!_records.TryGetValue(id, out var current) || current.IsDeleted)
            {
                return false;
            }

            record = current with { Version = current.Version + 1, ModifiedAt = Stamp(), IsDeleted = true, Sequence = ++_sequence };
            _records[id] = record;
        }

        Changed?.Invoke(this, new FakeRecordChangedEventArgs(Copy(record)));
        return true;
    }

    /// <summary>Gets a record by id, tombstones included.</summary>
    /// <param name="id">The record's id.</param>
    /// <returns>A snapshot, or <see langword="null"/> when there is no such record.</returns>
    public FakeRecord? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            return _records.TryGetValue(id, out var record) ? Copy(record) : null;
        }
    }

    /// <summary>Gets the record a create with the given idempotency key produced.</summary>
    /// <param name="idempotencyKey">The idempotency key.</param>
    /// <returns>A snapshot, or <see langword="null"/> when no create used that key.</returns>
    public FakeRecord? FindByIdempotencyKey(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        lock (_gate)
        {
            return _idsByKey.TryGetValue(idempotencyKey, out var id) ? Copy(_records[id]) : null;
        }
    }

    /// <summary>Gets every record, ordered by id counter of creation, tombstones included.</summary>
    /// <returns>Snapshots of all records.</returns>
    public IReadOnlyList<FakeRecord> All()
    {
        lock (_gate)
        {
            var list = new List<FakeRecord>(_records.Count);
            foreach (var record in _records.Values)
            {
                list.Add(Copy(record));
            }

            list.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            return list;
        }
    }

    /// <summary>Gets the records modified at or after an instant, ordered by modification time and then id, the way vendors' "modified since" queries page.</summary>
    /// <param name="since">The earliest modification time to include, or <see langword="null"/> for all records.</param>
    /// <param name="offset">How many matching records to skip.</param>
    /// <param name="limit">The most records to return; at least 1.</param>
    /// <param name="includeDeleted"><see langword="true"/> to include tombstones.</param>
    /// <returns>The page and the total number of matching records.</returns>
    public (IReadOnlyList<FakeRecord> Page, int Total) Query(DateTimeOffset? since, int offset, int limit, bool includeDeleted = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            var matching = new List<FakeRecord>();
            foreach (var record in _records.Values)
            {
                if ((includeDeleted || !record.IsDeleted) && (since is null || record.ModifiedAt >= since.Value))
                {
                    matching.Add(record);
                }
            }

            matching.Sort(static (a, b) =>
            {
                var byTime = a.ModifiedAt.CompareTo(b.ModifiedAt);
                return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
            });
            var page = new List<FakeRecord>(Math.Min(limit, Math.Max(0, matching.Count - offset)));
            for (var i = offset; i < matching.Count && page.Count < limit; i++)
            {
                page.Add(Copy(matching[i]));
            }

            return (page, matching.Count);
        }
    }

    /// <summary>Counts live records that share a value of a natural key with another live record: the duplicates an integration created.</summary>
    /// <param name="naturalKey">Reads the natural key from a record's fields (for example our canonical id stored in an external-id field); records for which it returns <see langword="null"/> are ignored.</param>
    /// <returns>The number of records beyond the first for each key value.</returns>
    public int CountDuplicates(Func<JsonObject, string?> naturalKey)
    {
        ArgumentNullException.ThrowIfNull(naturalKey);
        lock (_gate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var duplicates = 0;
            foreach (var record in _records.Values)
            {
                if (!record.IsDeleted && naturalKey(record.Data) is { } key && !seen.Add(key))
                {
                    duplicates++;
                }
            }

            return duplicates;
        }
    }

    private static FakeRecord Copy(FakeRecord record) => record with { Data = (JsonObject)record.Data.DeepClone() };

    private DateTimeOffset Stamp() => _timeProvider.GetUtcNow() - _lag;
}
