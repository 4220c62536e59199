using ProServ.Integration.TestUtils;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Testing.Idempotency;

namespace ProServ.Integration.Sqlite.Tests.Idempotency;

/// <summary>Runs the idempotency conformance suite on SQLite: one temporary database file per test class, deleted afterwards.</summary>
public sealed class SqliteIdempotencyStoreTests : IdempotencyStoreConformanceTests, IClassFixture<TempSqliteDatabase>
{
    private readonly TempSqliteDatabase _database;

    public SqliteIdempotencyStoreTests(TempSqliteDatabase database)
    {
        _database = database;
    }

    [Fact]
    public void Ddl_IsPrintedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryLayout.DocsFolder, "idempotency.md"));
        Assert.Contains(SqliteIdempotencySchema.Ddl.ReplaceLineEndings("\n"), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    protected override ValueTask<IIdempotencyStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult<IIdempotencyStore>(new SqliteIdempotencyStore(new SqliteStoreOptions { ConnectionString = _database.ConnectionString }, timeProvider));
}
