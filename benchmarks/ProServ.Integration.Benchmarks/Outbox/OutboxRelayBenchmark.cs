using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Outbox;
using ProServ.Integration.Sqlite;
using ProServ.Integration.Sqlite.Outbox;

namespace ProServ.Integration.Benchmarks.Outbox;

/// <summary>
/// Relays 1 000 messages (50 streams) from a SQLite outbox file with durable commits to a publisher that accepts at once:
/// the naive relay claims one message per round (the baseline), ours claims batches of 100. Both keep stream order and
/// mark each message published; the difference is one claim transaction per message versus one per hundred.
/// </summary>
[MemoryDiagnoser]
public class OutboxRelayBenchmark
{
    private const int Messages = 1_000;

    private string _path = null!;
    private ISqliteOutboxStore _store = null!;

    [IterationSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"proserv-bench-outbox-{Guid.NewGuid():N}.db");
        _store = SqliteOutboxStores.Create(new SqliteStoreOptions { ConnectionString = $"Data Source={_path}" });
        _store.EnsureCreatedAsync().AsTask().GetAwaiter().GetResult();
        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var payload = new byte[600];
        for (var i = 0; i < Messages; i++)
        {
            var message = new OutboxMessage { Id = $"m{i}", Tenant = "bench", Stream = $"s{i % 50}", Type = "dev.proserv.time-entry.approved.v1", Payload = payload };
            _store.EnqueueAsync(transaction, message).AsTask().GetAwaiter().GetResult();
        }

        transaction.Commit();
    }

    [IterationCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Benchmark(Baseline = true)]
    public Task<int> OneMessagePerClaim() => RelayAllAsync(1);

    [Benchmark]
    public Task<int> BatchedClaims() => RelayAllAsync(100);

    private async Task<int> RelayAllAsync(int batchSize)
    {
        var relay = new OutboxRelay(
            _store,
            new AcceptingPublisher(),
            DeadLetterStores.CreateInMemory(),
            Options.Create(new OutboxRelayOptions { BatchSize = batchSize }),
            TimeProvider.System);
        var published = 0;
        while (true)
        {
            var result = await relay.RunOnceAsync(CancellationToken.None);
            if (result.Claimed == 0)
            {
                return published;
            }

            published += result.Published;
        }
    }

    private sealed class AcceptingPublisher : IOutboxPublisher
    {
        public ValueTask PublishAsync(OutboxEntry message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
