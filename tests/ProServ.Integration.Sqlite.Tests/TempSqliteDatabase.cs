using Microsoft.Data.Sqlite;

namespace ProServ.Integration.Sqlite.Tests;

/// <summary>A throwaway SQLite database file for one test class (an xunit class fixture), deleted with its WAL files afterwards.</summary>
public sealed class TempSqliteDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"proserv-test-{Guid.NewGuid():N}.db");

    public string ConnectionString => $"Data Source={_path}";

    /// <summary>Gets options for this file; commits are not flushed per transaction, which tests do not need.</summary>
    public SqliteStoreOptions Options => new() { ConnectionString = ConnectionString, DurableCommits = false };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
