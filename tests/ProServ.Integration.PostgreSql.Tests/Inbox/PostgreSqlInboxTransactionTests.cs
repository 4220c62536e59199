using Npgsql;
using ProServ.Integration.PostgreSql.Inbox;
using ProServ.Integration.Testing;

namespace ProServ.Integration.PostgreSql.Tests.Inbox;

/// <summary>Recording inside the caller's NpgsqlTransaction: the handler's writes and "handled" commit together.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlInboxTransactionTests(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private NpgsqlDataSource _dataSource = null!;
    private PostgreSqlInboxStore _store = null!;

    public async Task InitializeAsync()
    {
        var options = await server.OptionsAsync(GetType(), freshSchema: true);
        _dataSource = options.DataSource!;
        _store = new PostgreSqlInboxStore(options, _time);
        await _store.EnsureCreatedAsync();
    }

    public Task DisposeAsync() => _store.DisposeAsync().AsTask();

    [Fact]
    public async Task TryRecordInTransaction_RolledBack_NoRecordSoRedeliveryIsHandled()
    {
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.True(await _store.TryRecordAsync(transaction, "billing", "evt-1"));
            await transaction.RollbackAsync();
        }

        Assert.True(await _store.TryRecordAsync("billing", "evt-1"));
    }

    [Fact]
    public async Task TryRecordInTransaction_Committed_RedeliveryDropped()
    {
        await using (var connection = await _dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.True(await _store.TryRecordAsync(transaction, "billing", "evt-2"));
            await transaction.CommitAsync();
        }

        Assert.False(await _store.TryRecordAsync("billing", "evt-2"));
        Assert.True(await _store.TryRecordAsync("reporting", "evt-2"));
    }

    [Fact]
    public async Task TryRecordInTransaction_DuplicateInOpenTransaction_WaitsThenFalseAfterCommit()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        Assert.True(await _store.TryRecordAsync(transaction, "billing", "evt-3"));

        var duplicate = _store.TryRecordAsync("billing", "evt-3").AsTask();
        await transaction.CommitAsync();

        Assert.False(await duplicate);
    }

    [Fact]
    public async Task TryRecordInTransaction_CompletedTransaction_ThrowsArgumentException()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await transaction.RollbackAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await _store.TryRecordAsync(transaction, "billing", "evt-4"));
        await transaction.DisposeAsync();
        Assert.True(await _store.TryRecordAsync("billing", "evt-4"));
    }
}
