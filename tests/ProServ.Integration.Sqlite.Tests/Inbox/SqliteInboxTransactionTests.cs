using ProServ.Integration.Sqlite.Inbox;
using ProServ.Integration.Testing;

namespace ProServ.Integration.Sqlite.Tests.Inbox;

/// <summary>Recording inside the caller's transaction: "handled" and the handler's writes commit together or not at all.</summary>
public sealed class SqliteInboxTransactionTests : IDisposable
{
    private readonly SqliteScratchDatabase _database = new();
    private readonly ISqliteInboxStore _store;

    public SqliteInboxTransactionTests()
    {
        _store = SqliteInboxStores.Create(_database.Options, new ManualTimeProvider());
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task RecordInTransaction_Committed_EffectStoredAndDuplicateDropped()
    {
        await _store.EnsureCreatedAsync();
        await using (var connection = await _database.OpenAsync())
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            Assert.True(await _store.TryRecordAsync(transaction, "billing", "event-1"));
            await SqliteScratchDatabase.InsertAsync(transaction, "invoice-line-1");
            transaction.Commit();
        }

        Assert.False(await _store.TryRecordAsync("billing", "event-1"));
        Assert.Equal(1, await _database.CountAsync());
    }

    [Fact]
    public async Task RecordInTransaction_RolledBack_NeitherEffectNorRecord()
    {
        await _store.EnsureCreatedAsync();
        await using (var connection = await _database.OpenAsync())
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            Assert.True(await _store.TryRecordAsync(transaction, "billing", "event-2"));
            await SqliteScratchDatabase.InsertAsync(transaction, "invoice-line-2");
            transaction.Rollback();
        }

        Assert.Equal(0, await _database.CountAsync());
        Assert.True(await _store.TryRecordAsync("billing", "event-2"));
    }

    [Fact]
    public async Task RecordInTransaction_AlreadyHandled_FalseAndCallerRollsBack()
    {
        await _store.EnsureCreatedAsync();
        Assert.True(await _store.TryRecordAsync("billing", "event-3"));
        await using var connection = await _database.OpenAsync();
        using var transaction = connection.BeginTransaction(deferred: false);

        Assert.False(await _store.TryRecordAsync(transaction, "billing", "event-3"));
        transaction.Rollback();
        Assert.Equal(0, await _database.CountAsync());
    }
}
