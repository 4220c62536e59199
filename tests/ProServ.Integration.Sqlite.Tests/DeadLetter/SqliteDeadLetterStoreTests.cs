using ProServ.Integration.TestUtils;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Sqlite.DeadLetter;
using ProServ.Integration.Testing.DeadLetter;

namespace ProServ.Integration.Sqlite.Tests.DeadLetter;

/// <summary>Runs the conformance suite on SQLite: one temporary database file per test class, deleted afterwards.</summary>
public sealed class SqliteDeadLetterStoreTests : DeadLetterStoreConformanceTests, IClassFixture<TempSqliteDatabase>
{
    private readonly TempSqliteDatabase _database;

    public SqliteDeadLetterStoreTests(TempSqliteDatabase database)
    {
        _database = database;
    }

    [Fact]
    public void Ddl_IsPrintedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryLayout.DocsFolder, "stores.md"));
        Assert.Contains(SqliteDeadLetterSchema.Ddl.ReplaceLineEndings("\n"), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    protected override ValueTask<IDeadLetterStore> CreateStoreAsync(TimeProvider timeProvider, DeadLetterOptions options)
        => ValueTask.FromResult<IDeadLetterStore>(SqliteDeadLetterStores.Create(_database.Options, options, timeProvider));
}
