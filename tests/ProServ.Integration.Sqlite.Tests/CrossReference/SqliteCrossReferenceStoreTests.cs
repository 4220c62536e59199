using ProServ.Integration.TestUtils;
using ProServ.Integration.CrossReference;
using ProServ.Integration.Sqlite.CrossReference;
using ProServ.Integration.Testing.CrossReference;

namespace ProServ.Integration.Sqlite.Tests.CrossReference;

/// <summary>Runs the conformance suite on SQLite: one temporary database file per test class, deleted afterwards.</summary>
public sealed class SqliteCrossReferenceStoreTests : CrossReferenceStoreConformanceTests, IClassFixture<TempSqliteDatabase>
{
    private readonly TempSqliteDatabase _database;

    public SqliteCrossReferenceStoreTests(TempSqliteDatabase database)
    {
        _database = database;
    }

    [Fact]
    public void Ddl_IsPrintedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryLayout.DocsFolder, "stores.md"));
        Assert.Contains(SqliteCrossReferenceSchema.Ddl.ReplaceLineEndings("\n"), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    protected override ValueTask<ICrossReferenceStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult<ICrossReferenceStore>(SqliteCrossReferenceStores.Create(_database.Options, timeProvider));
}
