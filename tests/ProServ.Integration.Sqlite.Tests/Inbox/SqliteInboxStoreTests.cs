using ProServ.Integration.Inbox;
using ProServ.Integration.Sqlite.Inbox;
using ProServ.Integration.Testing.Inbox;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Sqlite.Tests.Inbox;

/// <summary>Runs the inbox conformance suite on SQLite: one temporary database file per test class, deleted afterwards.</summary>
public sealed class SqliteInboxStoreTests : InboxStoreConformanceTests, IClassFixture<TempSqliteDatabase>
{
    private readonly TempSqliteDatabase _database;

    public SqliteInboxStoreTests(TempSqliteDatabase database)
    {
        _database = database;
    }

    [Fact]
    public void Ddl_IsPrintedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryLayout.DocsFolder, "outbox.md"));
        Assert.Contains(SqliteInboxSchema.Ddl.ReplaceLineEndings("\n"), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    protected override ValueTask<IInboxStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult<IInboxStore>(SqliteInboxStores.Create(_database.Options, timeProvider));
}
