using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.PostgreSql.DeadLetter;
using ProServ.Integration.Testing;

namespace ProServ.Integration.PostgreSql.Tests.DeadLetter;

/// <summary>Several replay workers share a bulk replay: pages are claimed with FOR UPDATE SKIP LOCKED, never twice.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDeadLetterClaimTests(PostgreSqlServerFixture server)
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task Claim_RowsLockedByAnotherTransaction_SkippedWithoutWaiting()
    {
        var (store, dataSource, tenant) = await NewAsync(10);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var locked = new List<Guid>();
        await using (var select = new NpgsqlCommand(
            "SELECT id FROM proserv.dead_letter WHERE tenant = $1 ORDER BY first_failed_at, id LIMIT 4 FOR UPDATE", connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = tenant });
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                locked.Add(reader.GetGuid(0));
            }
        }

        var claimed = await store.ClaimAsync(new DeadLetterQuery { Tenant = tenant, PageSize = 100 }, null, default);

        Assert.Equal(4, locked.Count);
        Assert.Equal(6, claimed.Count);
        Assert.Empty(claimed.Select(i => i.Id).Intersect(locked));
    }

    [Fact]
    public async Task Claim_TwoStoresOnSeparateConnections_DisjointSetsCoveringEveryItem()
    {
        var (first, dataSource, tenant) = await NewAsync(60);
        await using var otherSource = NpgsqlDataSource.Create(dataSource.ConnectionString);
        var second = new PostgreSqlDeadLetterStore(new PostgreSqlStoreOptions { DataSource = otherSource }, timeProvider: _time);
        var query = new DeadLetterQuery { Tenant = tenant, PageSize = 7 };

        async Task<List<Guid>> DrainAsync(PostgreSqlDeadLetterStore store)
        {
            var ids = new List<Guid>();
            while (true)
            {
                var page = await store.ClaimAsync(query, null, default);
                if (page.Count == 0)
                {
                    return ids;
                }

                ids.AddRange(page.Select(i => i.Id));
            }
        }

        var results = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        Assert.Empty(results[0].Intersect(results[1]));
        Assert.Equal(60, results[0].Concat(results[1]).Distinct().Count());
        Assert.Equal(60, results[0].Count + results[1].Count);
    }

    [Fact]
    public async Task Claim_ExpiredClaim_ClaimableAgain()
    {
        var (store, _, tenant) = await NewAsync(3);
        var query = new DeadLetterQuery { Tenant = tenant };
        Assert.Equal(3, (await store.ClaimAsync(query, null, default)).Count);
        Assert.Empty(await store.ClaimAsync(query, null, default));

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(3, (await store.ClaimAsync(query, null, default)).Count);
    }

    [Fact]
    public async Task ReplayBulk_FourWorkersAtOnce_EveryItemHandledExactlyOnce()
    {
        var (first, dataSource, tenant) = await NewAsync(80);
        var stores = new[] { first }.Concat(Enumerable.Range(0, 3).Select(_ =>
            new PostgreSqlDeadLetterStore(new PostgreSqlStoreOptions { DataSource = dataSource }, timeProvider: _time))).ToArray();
        var handled = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        var summaries = await Task.WhenAll(stores.Select(store => Task.Run(async () =>
            await store.ReplayAsync(new DeadLetterQuery { Tenant = tenant, PageSize = 5 }, async (item, ct) =>
            {
                handled.AddOrUpdate(item.IdempotencyKey, 1, (_, n) => n + 1);
                await Task.Yield();
                return ReplayOutcome.Success;
            }))));

        Assert.Equal(80, handled.Count);
        Assert.All(handled, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(80, summaries.Sum(s => s.Resolved));
        Assert.Empty((await first.ListAsync(new DeadLetterQuery { Tenant = tenant })).Items);
    }

    private async Task<(PostgreSqlDeadLetterStore Store, NpgsqlDataSource DataSource, string Tenant)> NewAsync(int items)
    {
        var dataSource = await server.DatabaseAsync(GetType());
        var store = new PostgreSqlDeadLetterStore(new PostgreSqlStoreOptions { DataSource = dataSource }, timeProvider: _time);
        var tenant = "t-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        for (var i = 0; i < items; i++)
        {
            await store.AddAsync(new DeadLetterFailure
            {
                Tenant = tenant,
                Source = "psa.time-entries.import",
                IdempotencyKey = "key-" + i.ToString("D3", CultureInfo.InvariantCulture),
                ErrorCode = "psa.timeout",
                ErrorMessage = "Timed out.",
                Payload = "{}"u8.ToArray(),
                ContentType = "application/json",
            });
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        return (store, dataSource, tenant);
    }
}
