using System.Collections.Concurrent;
using Npgsql;
using ProServ.Integration.Outbox;
using ProServ.Integration.PostgreSql.Outbox;
using ProServ.Integration.Testing;

namespace ProServ.Integration.PostgreSql.Tests.Outbox;

/// <summary>Enqueuing inside the caller's NpgsqlTransaction, and claims by several connections at once.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlOutboxTransactionTests(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private PostgreSqlStoreOptions _options = null!;
    private NpgsqlDataSource _dataSource = null!;
    private PostgreSqlOutboxStore _store = null!;

    public async Task InitializeAsync()
    {
        _options = await server.OptionsAsync(GetType(), freshSchema: true);
        _dataSource = _options.DataSource!;
        _store = new PostgreSqlOutboxStore(_options, _time);
        await _store.EnsureCreatedAsync();
        await using var command = _dataSource.CreateCommand($"CREATE TABLE {_options.SchemaName}.engagement (id text PRIMARY KEY)");
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    [Fact]
    public async Task EnqueueInTransaction_Committed_StateAndMessageStored()
    {
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertEngagementAsync(transaction, "engagement-7");
            Assert.True(await _store.EnqueueAsync(transaction, Message("m-7", "engagement-7")));
            await transaction.CommitAsync();
        }

        Assert.Equal(1, await CountEngagementsAsync());
        var claimed = Assert.Single(await _store.ClaimAsync(10, TimeSpan.FromSeconds(30)));
        Assert.Equal(("m-7", "t-acme", "engagement-7", "corr-m-7"), (claimed.Id, claimed.Tenant, claimed.Stream, claimed.CorrelationId));
        Assert.Equal("{\"id\":\"m-7\"}"u8.ToArray(), claimed.Payload.ToArray());
        Assert.Equal(_time.GetUtcNow(), claimed.EnqueuedAt);
    }

    [Fact]
    public async Task EnqueueInTransaction_RolledBack_NoMessageAndNoState()
    {
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertEngagementAsync(transaction, "engagement-8");
            Assert.True(await _store.EnqueueAsync(transaction, Message("m-8", "engagement-8")));
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await CountEngagementsAsync());
        Assert.Null(await _store.GetAsync("t-acme", "m-8"));
        Assert.Empty(await _store.ClaimAsync(10, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task EnqueueInTransaction_AlreadyStored_ReturnsFalseAndKeepsOneMessage()
    {
        Assert.True(await _store.EnqueueAsync(Message("m-9", "engagement-9")));
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.False(await _store.EnqueueAsync(transaction, Message("m-9", "engagement-9")));
            await transaction.CommitAsync();
        }

        Assert.Single(await _store.ClaimAsync(10, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task EnqueueInTransaction_CompletedTransaction_ThrowsArgumentException()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await transaction.CommitAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await _store.EnqueueAsync(transaction, Message("m-done", "s")));
        await transaction.DisposeAsync();
        Assert.Null(await _store.GetAsync("t-acme", "m-done"));
    }

    [Fact]
    public async Task ClaimAsync_FirstMessageOfStreamLockedByAnotherConnection_SkipsThatStreamWithoutWaiting()
    {
        await _store.EnqueueAsync(Message("a-1", "stream-a"));
        await _store.EnqueueAsync(Message("a-2", "stream-a"));
        await _store.EnqueueAsync(Message("b-1", "stream-b"));
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT seq FROM {_options.SchemaName}.outbox WHERE message_id = 'a-1' FOR UPDATE", connection, transaction))
        {
            await lockRow.ExecuteScalarAsync();
        }

        // Another claim is in flight on a-1: its lease is not committed yet, so a-2 must not overtake it.
        var claimed = await _store.ClaimAsync(10, TimeSpan.FromSeconds(30));
        Assert.Equal("b-1", string.Join(",", claimed.Select(e => e.Id)));
        await transaction.RollbackAsync();

        Assert.Equal("a-1,a-2", string.Join(",", (await _store.ClaimAsync(10, TimeSpan.FromSeconds(30))).Select(e => e.Id)));
    }

    [Fact]
    public async Task ClaimAsync_ManyConnectionsConcurrently_DisjointClaimsInStreamOrder()
    {
        const int Streams = 12;
        const int PerStream = 15;
        for (var i = 0; i < PerStream; i++)
        {
            for (var s = 0; s < Streams; s++)
            {
                await _store.EnqueueAsync(Message($"s{s}-{i:D2}", $"stream-{s}"));
            }
        }

        // A second store instance stands in for a relay on another machine: its own data source, its own connections.
        await using var otherSource = NpgsqlDataSource.Create(_dataSource.ConnectionString);
        await using var other = new PostgreSqlOutboxStore(new PostgreSqlStoreOptions { DataSource = otherSource, SchemaName = _options.SchemaName }, _time);
        var log = new ConcurrentQueue<OutboxEntry>();
        var published = 0;
        async Task RelayAsync(IOutboxStore store)
        {
            while (Volatile.Read(ref published) < Streams * PerStream)
            {
                var claimed = await store.ClaimAsync(7, TimeSpan.FromMinutes(5));
                foreach (var entry in claimed)
                {
                    log.Enqueue(entry);
                }

                Interlocked.Add(ref published, await store.MarkPublishedManyAsync(claimed));
            }
        }

        await Task.WhenAll(RelayAsync(_store), RelayAsync(other), RelayAsync(_store), RelayAsync(other));

        var ids = log.Select(e => e.Id).ToList();
        Assert.Equal(Streams * PerStream, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(log, e => Assert.Equal(1, e.Attempts));
        foreach (var stream in log.GroupBy(e => e.Stream, StringComparer.Ordinal))
        {
            var order = stream.Select(e => e.Id).ToList();
            Assert.Equal(string.Join(",", order.Order(StringComparer.Ordinal)), string.Join(",", order));
        }
    }

    private static OutboxMessage Message(string id, string stream) => new()
    {
        Id = id,
        Tenant = "t-acme",
        Stream = stream,
        Type = "engagement.activated",
        Payload = System.Text.Encoding.UTF8.GetBytes("{\"id\":\"" + id + "\"}"),
        CorrelationId = "corr-" + id,
    };

    private async Task InsertEngagementAsync(NpgsqlTransaction transaction, string id)
    {
        await using var command = new NpgsqlCommand($"INSERT INTO {_options.SchemaName}.engagement (id) VALUES ($1)", transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountEngagementsAsync()
    {
        await using var command = _dataSource.CreateCommand($"SELECT count(*) FROM {_options.SchemaName}.engagement");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
