using ProServ.Integration.TestUtils;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.Sqlite.Checkpoints;
using ProServ.Integration.Testing.Checkpoints;

namespace ProServ.Integration.Sqlite.Tests.Checkpoints;

/// <summary>Runs the conformance suite on SQLite: one temporary database file per test class, deleted afterwards.</summary>
public sealed class SqliteCheckpointStoreTests : CheckpointStoreConformanceTests, IClassFixture<TempSqliteDatabase>
{
    private readonly TempSqliteDatabase _database;

    public SqliteCheckpointStoreTests(TempSqliteDatabase database)
    {
        _database = database;
    }

    [Fact]
    public void Ddl_IsPrintedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryLayout.DocsFolder, "stores.md"));
        Assert.Contains(SqliteCheckpointSchema.Ddl.ReplaceLineEndings("\n"), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    protected override ValueTask<ICheckpointStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult<ICheckpointStore>(SqliteCheckpointStores.Create(_database.Options, timeProvider));
}
