using ProServ.Integration.Testing.Http;

namespace ProServ.Integration.Testing.Fakes;

/// <summary>Counts and keeps the requests a fake system received, so a test can assert what reached it.</summary>
/// <remarks>Thread-safe. Counts cover every request; <see cref="Recent"/> keeps the newest ones up to <see cref="FakeServerOptions.MaxRecordedRequests"/>.</remarks>
public sealed class FakeRequestLog
{
    private readonly Lock _gate = new();
    private readonly Queue<ReceivedRequest> _recent = new();
    private readonly Dictionary<string, long> _byMethod = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _capacity;
    private long _total;

    internal FakeRequestLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
    }

    /// <summary>Gets the number of requests received, faulted ones included.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Gets the newest requests received, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Recent
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Gets the number of requests received with a method.</summary>
    /// <param name="method">The HTTP method (case-insensitive).</param>
    /// <returns>The count.</returns>
    public long CountOf(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_gate)
        {
            return _byMethod.GetValueOrDefault(method);
        }
    }

    internal void Add(ReceivedRequest request)
    {
        lock (_gate)
        {
            _total++;
            _byMethod[request.Method] = _byMethod.GetValueOrDefault(request.Method) + 1;
            if (_capacity == 0)
            {
                return;
            }

            if (_recent.Count == _capacity)
            {
                _recent.Dequeue();
            }

            _recent.Enqueue(request);
        }
    }
}
