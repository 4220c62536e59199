using System.Text;
using System.Text.Json;
using ProServ.Integration.Events;
using ProServ.Integration.Outbox;
using ProServ.Integration.Sqlite.Outbox;
using ProServ.Integration.Testing;

namespace ProServ.Integration.Sqlite.Tests.Outbox;

/// <summary>Enqueuing inside the caller's transaction: the state change and the event commit together or not at all.</summary>
public sealed class SqliteOutboxTransactionTests : IDisposable
{
    private readonly SqliteScratchDatabase _database = new();
    private readonly ManualTimeProvider _time = new();
    private readonly ISqliteOutboxStore _store;

    public SqliteOutboxTransactionTests()
    {
        _store = SqliteOutboxStores.Create(_database.Options, _time);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EnqueueInTransaction_Committed_StateAndEventStored()
    {
        await _store.EnsureCreatedAsync();
        var activated = Event("engagement-7");
        await using (var connection = await _database.OpenAsync())
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            await SqliteScratchDatabase.InsertAsync(transaction, "engagement-7");
            Assert.True(await _store.EnqueueAsync(transaction, OutboxMessage.FromEvent(activated)));
            transaction.Commit();
        }

        Assert.Equal(1, await _database.CountAsync());
        var claimed = Assert.Single(await _store.ClaimAsync(10, TimeSpan.FromSeconds(30)));
        Assert.Equal(activated.Id.ToString(), claimed.Id);
        Assert.Equal("t-acme", claimed.Tenant);
        Assert.Equal("engagement-7", claimed.Stream);
        Assert.Equal(BusinessEventTypes.EngagementActivated, claimed.Type);
        Assert.Equal("corr-1", claimed.CorrelationId);
        using var payload = JsonDocument.Parse(claimed.Payload);
        Assert.Equal(activated.Id.ToString(), payload.RootElement.GetProperty("id").GetString());
        Assert.Equal("t-acme", payload.RootElement.GetProperty("tenantid").GetString());
    }

    [Fact]
    public async Task EnqueueInTransaction_RolledBack_NoMessageAndNoState()
    {
        await _store.EnsureCreatedAsync();
        var activated = Event("engagement-8");
        await using (var connection = await _database.OpenAsync())
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            await SqliteScratchDatabase.InsertAsync(transaction, "engagement-8");
            Assert.True(await _store.EnqueueAsync(transaction, OutboxMessage.FromEvent(activated)));
            transaction.Rollback();
        }

        Assert.Equal(0, await _database.CountAsync());
        Assert.Null(await _store.GetAsync("t-acme", activated.Id.ToString()));
        Assert.Empty(await _store.ClaimAsync(10, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task EnqueueInTransaction_SameEventTwice_SecondIgnored()
    {
        await _store.EnsureCreatedAsync();
        var message = OutboxMessage.FromEvent(Event("engagement-9"));
        Assert.True(await _store.EnqueueAsync(message));
        await using var connection = await _database.OpenAsync();
        using var transaction = connection.BeginTransaction(deferred: false);

        Assert.False(await _store.EnqueueAsync(transaction, message));
        transaction.Commit();
        Assert.Single(await _store.ClaimAsync(10, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task EnqueueInTransaction_CompletedTransaction_ThrowsArgumentException()
    {
        await _store.EnsureCreatedAsync();
        await using var connection = await _database.OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        transaction.Commit();

        await Assert.ThrowsAsync<ArgumentException>(async () => await _store.EnqueueAsync(transaction, OutboxMessage.FromEvent(Event("e"))));
        transaction.Dispose();
    }

    private BusinessEvent Event(string subject)
    {
        using var data = JsonDocument.Parse(Encoding.UTF8.GetBytes("{\"tenantId\":\"t-acme\"}"));
        return new BusinessEvent
        {
            Id = EventId.New(_time),
            Source = new Uri("urn:proserv:test", UriKind.Absolute),
            Type = BusinessEventTypes.EngagementActivated,
            SpecVersion = BusinessEvent.CloudEventsSpecVersion,
            Subject = subject,
            Time = _time.GetUtcNow(),
            DataContentType = BusinessEvent.JsonContentType,
            CorrelationId = "corr-1",
            TenantId = "t-acme",
            Data = data.RootElement.Clone(),
        };
    }
}
