using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Testing.Idempotency;

namespace ProServ.Integration.Sqlite.Tests.Idempotency;

/// <summary>Runs the idempotency conformance suite on SQLite: one temporary database file per test class, deleted afterwards.</summary>
public sealed class SqliteIdempotencyStoreTests : IdempotencyStoreConformanceTests, IClassFixture<SqliteIdempotencyStoreTests.TempDatabase>
{
    private readonly TempDatabase _database;

    public SqliteIdempotencyStoreTests(TempDatabase database)
    {
        _database = database;
    }

    [Fact]
    public void Ddl_IsPrintedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(FindRepoRoot(), "docs", "idempotency.md"));
        Assert.Contains(SqliteIdempotencySchema.Ddl.ReplaceLineEndings("\n"), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    protected override ValueTask<IIdempotencyStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult<IIdempotencyStore>(new SqliteIdempotencyStore(new SqliteStoreOptions { ConnectionString = _database.ConnectionString }, timeProvider));

    private static string FindRepoRoot([CallerFilePath] string sourceFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ProServ.Integration.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    public sealed class TempDatabase : IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"proserv-idem-{Guid.NewGuid():N}.db");

        public string ConnectionString => $"Data Source={_path}";

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_path + suffix);
            }
        }
    }
}
