using Microsoft.Data.Sqlite;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.Errors;
using ProServ.Integration.Sqlite.Checkpoints;
using ProServ.Integration.Testing;

namespace ProServ.Integration.Sqlite.Tests.Checkpoints;

/// <summary>Advancing a checkpoint inside the caller's transaction: the downstream rows and the cursor commit together.</summary>
public sealed class SqliteCheckpointTransactionTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"proserv-checkpoint-tx-{Guid.NewGuid():N}.db");
    private readonly ManualTimeProvider _time = new();
    private ISqliteCheckpointStore _store = null!;

    private string ConnectionString => $"Data Source={_path}";

    public async Task InitializeAsync()
    {
        _store = SqliteCheckpointStores.Create(new SqliteStoreOptions { ConnectionString = ConnectionString }, _time);
        await _store.EnsureCreatedAsync();
        await using var connection = await OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS downstream (id TEXT PRIMARY KEY);";
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task AdvanceInTransaction_Committed_CursorAndRowsStored()
    {
        await using var connection = await OpenAsync();
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            await InsertAsync(transaction, "t-commit", "TE-1", "TE-2");
            var advanced = await _store.AdvanceAsync(transaction, "t-commit", "psa", "time-entries", 0, "TE-2");
            Assert.Equal(1, advanced.Version);
            transaction.Commit();
        }

        var stored = await _store.GetAsync("t-commit", "psa", "time-entries");
        Assert.Equal(new Checkpoint("t-commit", "psa", "time-entries", "TE-2", 1, _time.GetUtcNow()), stored);
        Assert.Equal(2, await CountAsync(connection, "t-commit"));
    }

    [Fact]
    public async Task AdvanceInTransaction_RolledBack_NeitherCursorNorRowsStored()
    {
        await using var connection = await OpenAsync();
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            await InsertAsync(transaction, "t-rollback", "TE-1");
            await _store.AdvanceAsync(transaction, "t-rollback", "psa", "time-entries", 0, "TE-1");
            transaction.Rollback();
        }

        Assert.Null(await _store.GetAsync("t-rollback", "psa", "time-entries"));
        Assert.Equal(0, await CountAsync(connection, "t-rollback"));
    }

    [Fact]
    public async Task AdvanceInTransaction_StaleVersion_ThrowsConflictAndCallerRollsBack()
    {
        await _store.AdvanceAsync("t-stale", "psa", "time-entries", 0, "TE-0");
        await using var connection = await OpenAsync();
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            await InsertAsync(transaction, "t-stale", "TE-1");
            var error = await Assert.ThrowsAsync<IntegrationException>(async () => await _store.AdvanceAsync(transaction, "t-stale", "psa", "time-entries", 0, "TE-1"));
            Assert.Equal(CheckpointErrorCodes.Conflict, error.ErrorCode);
            transaction.Rollback();
        }

        Assert.Equal("TE-0", (await _store.GetAsync("t-stale", "psa", "time-entries"))!.Cursor);
        Assert.Equal(0, await CountAsync(connection, "t-stale"));
    }

    [Fact]
    public async Task AdvanceInTransaction_CompletedTransaction_ThrowsArgumentException()
    {
        await using var connection = await OpenAsync();
        var transaction = connection.BeginTransaction(deferred: false);
        transaction.Commit();

        await Assert.ThrowsAsync<ArgumentException>(async () => await _store.AdvanceAsync(transaction, "t-done", "psa", "time-entries", 0, "x"));
        transaction.Dispose();
    }

    private static async Task InsertAsync(SqliteTransaction transaction, string tenant, params string[] ids)
    {
        foreach (var id in ids)
        {
            using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO downstream (id) VALUES ($id);";
            command.Parameters.AddWithValue("$id", tenant + "/" + id);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string tenant)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM downstream WHERE id LIKE $prefix;";
        command.Parameters.AddWithValue("$prefix", tenant + "/%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
