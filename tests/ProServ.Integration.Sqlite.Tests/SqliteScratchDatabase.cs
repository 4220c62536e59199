using Microsoft.Data.Sqlite;

namespace ProServ.Integration.Sqlite.Tests;

/// <summary>A database file per test with a <c>downstream</c> table standing for the application's own state; deleted afterwards.</summary>
public sealed class SqliteScratchDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"proserv-scratch-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_path}";

    public SqliteStoreOptions Options => new() { ConnectionString = ConnectionString };

    public async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; CREATE TABLE IF NOT EXISTS downstream (id TEXT PRIMARY KEY);";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    public static async Task InsertAsync(SqliteTransaction transaction, string id)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO downstream (id) VALUES ($id);";
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync()
    {
        await using var connection = await OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM downstream;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
