using Npgsql;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.Errors;
using ProServ.Integration.PostgreSql.Checkpoints;
using ProServ.Integration.Testing;

namespace ProServ.Integration.PostgreSql.Tests.Checkpoints;

/// <summary>Advancing a checkpoint inside the caller's NpgsqlTransaction: the downstream rows and the cursor commit together.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCheckpointTransactionTests(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private NpgsqlDataSource _dataSource = null!;
    private PostgreSqlCheckpointStore _store = null!;

    public async Task InitializeAsync()
    {
        _dataSource = await server.DatabaseAsync(GetType());
        _store = new PostgreSqlCheckpointStore(new PostgreSqlStoreOptions { DataSource = _dataSource }, _time);
        await _store.EnsureCreatedAsync();
        await using var command = _dataSource.CreateCommand("CREATE TABLE IF NOT EXISTS downstream (id text PRIMARY KEY)");
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AdvanceInTransaction_Committed_CursorAndRowsStored()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertAsync(transaction, "t-commit", "TE-1", "TE-2");
            var advanced = await _store.AdvanceAsync(transaction, "t-commit", "psa", "time-entries", 0, "TE-2");
            Assert.Equal(1, advanced.Version);
            await transaction.CommitAsync();
        }

        Assert.Equal(new Checkpoint("t-commit", "psa", "time-entries", "TE-2", 1, _time.GetUtcNow()), await _store.GetAsync("t-commit", "psa", "time-entries"));
        Assert.Equal(2, await CountAsync("t-commit"));
    }

    [Fact]
    public async Task AdvanceInTransaction_RolledBack_NeitherCursorNorRowsStored()
    {
        await _store.AdvanceAsync("t-rollback", "psa", "time-entries", 0, "TE-0");
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertAsync(transaction, "t-rollback", "TE-1");
            var inside = await _store.AdvanceAsync(transaction, "t-rollback", "psa", "time-entries", 1, "TE-1");
            Assert.Equal(2, inside.Version);
            await transaction.RollbackAsync();
        }

        var stored = await _store.GetAsync("t-rollback", "psa", "time-entries");
        Assert.Equal(("TE-0", 1L), (stored!.Cursor, stored.Version));
        Assert.Equal(0, await CountAsync("t-rollback"));
    }

    [Fact]
    public async Task AdvanceInTransaction_StaleVersion_ThrowsConflictAndCallerRollsBack()
    {
        await _store.AdvanceAsync("t-stale", "psa", "time-entries", 0, "TE-0");
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await InsertAsync(transaction, "t-stale", "TE-1");
            var error = await Assert.ThrowsAsync<IntegrationException>(async () => await _store.AdvanceAsync(transaction, "t-stale", "psa", "time-entries", 0, "TE-1"));
            Assert.Equal(CheckpointErrorCodes.Conflict, error.ErrorCode);
            Assert.False(error.IsTransient);
            await transaction.RollbackAsync();
        }

        Assert.Equal("TE-0", (await _store.GetAsync("t-stale", "psa", "time-entries"))!.Cursor);
        Assert.Equal(0, await CountAsync("t-stale"));
    }

    [Fact]
    public async Task AdvanceInTransaction_OpenTransactionHoldsRow_ConcurrentAdvanceWaitsThenConflicts()
    {
        await _store.AdvanceAsync("t-hold", "psa", "time-entries", 0, "TE-0");
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await _store.AdvanceAsync(transaction, "t-hold", "psa", "time-entries", 1, "TE-1");

        var competitor = _store.AdvanceAsync("t-hold", "psa", "time-entries", 1, "TE-other").AsTask();
        Assert.False(competitor.IsCompleted);
        await transaction.CommitAsync();

        var error = await Assert.ThrowsAsync<IntegrationException>(() => competitor);
        Assert.Equal(CheckpointErrorCodes.Conflict, error.ErrorCode);
        Assert.Equal("TE-1", (await _store.GetAsync("t-hold", "psa", "time-entries"))!.Cursor);
    }

    [Fact]
    public async Task AdvanceInTransaction_CompletedTransaction_ThrowsArgumentException()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await transaction.CommitAsync();

        await Assert.ThrowsAsync<ArgumentException>(async () => await _store.AdvanceAsync(transaction, "t-done", "psa", "time-entries", 0, "x"));
        await transaction.DisposeAsync();
    }

    private static async Task InsertAsync(NpgsqlTransaction transaction, string tenant, params string[] ids)
    {
        foreach (var id in ids)
        {
            await using var command = new NpgsqlCommand("INSERT INTO downstream (id) VALUES ($1)", transaction.Connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = tenant + "/" + id });
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task<long> CountAsync(string tenant)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM downstream WHERE id LIKE $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenant + "/%" });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
