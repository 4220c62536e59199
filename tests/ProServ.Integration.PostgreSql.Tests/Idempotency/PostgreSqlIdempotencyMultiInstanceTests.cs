using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using ProServ.Integration.Idempotency;
using ProServ.Integration.PostgreSql.Idempotency;
using ProServ.Integration.Testing;

namespace ProServ.Integration.PostgreSql.Tests.Idempotency;

/// <summary>Store instances that share only the database (as workers on different machines would) still claim each key once.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlIdempotencyMultiInstanceTests(PostgreSqlServerFixture server)
{
    private static readonly RequestFingerprint Request = RequestFingerprint.FromBytes("{\"hours\":7.5}"u8);

    [Fact]
    public async Task TryBeginMany_FourMachinesOverlappingBatches_ExactlyOneAcquisitionPerKey()
    {
        var connectionString = (await server.DatabaseAsync(GetType())).ConnectionString;
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToArray();
        try
        {
            var stores = sources.Select(s => new PostgreSqlIdempotencyStore(new PostgreSqlStoreOptions { DataSource = s }, new ManualTimeProvider())).ToArray();
            var keys = Enumerable.Range(0, 2000).Select(i => IdempotencyKey.Create("k-" + i.ToString("D5", CultureInfo.InvariantCulture))).ToArray();
            var acquired = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

            await Task.WhenAll(stores.Select((store, worker) => Task.Run(async () =>
            {
                // Different start points and directions, batches of 100: every key is begun by every machine.
                var order = Enumerable.Range(0, keys.Length).Select(i => (i + (worker * 500)) % keys.Length);
                if (worker % 2 == 1)
                {
                    order = order.Reverse();
                }

                foreach (var chunk in order.Chunk(100))
                {
                    var results = await store.TryBeginManyAsync(
                        chunk.Select(i => new IdempotencyBeginRequest("t-machines", keys[i], Request)).ToArray(), TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), default);
                    for (var i = 0; i < results.Count; i++)
                    {
                        if (results[i].Status == IdempotencyBeginStatus.Acquired)
                        {
                            acquired.AddOrUpdate(keys[chunk[i]].Value, 1, (_, n) => n + 1);
                        }
                        else
                        {
                            Assert.Equal(IdempotencyBeginStatus.InProgress, results[i].Status);
                        }
                    }
                }
            })));

            Assert.Equal(keys.Length, acquired.Count);
            Assert.All(acquired, pair => Assert.Equal(1, pair.Value));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TryBeginMany_DuplicateKeyFirstWithOtherFingerprint_SecondTakesOverExpiredLease()
    {
        var time = new ManualTimeProvider();
        var store = new PostgreSqlIdempotencyStore(await server.OptionsAsync(GetType()), time);
        var key = IdempotencyKey.Create("dup-expired");
        var first = await store.TryBeginAsync("t-dup", key, Request, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), default);
        time.Advance(TimeSpan.FromSeconds(2));
        var other = RequestFingerprint.FromBytes("{\"hours\":8}"u8);

        var results = await store.TryBeginManyAsync(
            [new IdempotencyBeginRequest("t-dup", key, other), new IdempotencyBeginRequest("t-dup", key, Request), new IdempotencyBeginRequest("t-dup", key, Request)],
            TimeSpan.FromMinutes(1),
            TimeSpan.FromDays(1),
            default);

        // Exactly what three single begins in this order answer.
        Assert.Equal([IdempotencyBeginStatus.Conflict, IdempotencyBeginStatus.Acquired, IdempotencyBeginStatus.InProgress], results.Select(r => r.Status));
        Assert.Equal(2, results[1].Lease.Attempt);
        Assert.NotEqual(first.Lease.Token, results[1].Lease.Token);
        Assert.Equal(results[1].Lease.ExpiresAt, results[2].LeaseExpiresAt);
    }
}
