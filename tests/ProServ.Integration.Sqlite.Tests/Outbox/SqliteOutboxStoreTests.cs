using Microsoft.Data.Sqlite;
using ProServ.Integration.Outbox;
using ProServ.Integration.Sqlite.Outbox;
using ProServ.Integration.Testing.Outbox;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Sqlite.Tests.Outbox;

/// <summary>Runs the outbox conformance suite (store and relay) on SQLite: a new database file per test, because claims are not scoped by tenant.</summary>
public sealed class SqliteOutboxStoreTests : OutboxStoreConformanceTests, IDisposable
{
    private readonly List<string> _paths = [];

    [Fact]
    public void Ddl_IsPrintedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryLayout.DocsFolder, "outbox.md"));
        Assert.Contains(SqliteOutboxSchema.Ddl.ReplaceLineEndings("\n"), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in _paths)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    protected override ValueTask<IOutboxStore> CreateStoreAsync(TimeProvider timeProvider)
    {
        var path = Path.Combine(Path.GetTempPath(), $"proserv-outbox-{Guid.NewGuid():N}.db");
        _paths.Add(path);
        var options = new SqliteStoreOptions { ConnectionString = $"Data Source={path}", DurableCommits = false };
        return ValueTask.FromResult<IOutboxStore>(SqliteOutboxStores.Create(options, timeProvider));
    }
}
