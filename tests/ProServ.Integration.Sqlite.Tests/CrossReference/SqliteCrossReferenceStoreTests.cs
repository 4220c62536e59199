using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ProServ.Integration.CrossReference;
using ProServ.Integration.Sqlite.CrossReference;
using ProServ.Integration.Testing.CrossReference;

namespace ProServ.Integration.Sqlite.Tests.CrossReference;

/// <summary>Runs the conformance suite on SQLite: one temporary database file per test class, deleted afterwards.</summary>
public sealed class SqliteCrossReferenceStoreTests : CrossReferenceStoreConformanceTests, IClassFixture<SqliteCrossReferenceStoreTests.TempDatabase>
{
    private readonly TempDatabase _database;

    public SqliteCrossReferenceStoreTests(TempDatabase database)
    {
        _database = database;
    }

    [Fact]
    public void Ddl_IsPrintedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(FindRepoRoot(), "docs", "stores.md"));
        Assert.Contains(SqliteCrossReferenceSchema.Ddl.ReplaceLineEndings("\n"), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    protected override ValueTask<ICrossReferenceStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult<ICrossReferenceStore>(SqliteCrossReferenceStores.Create(_database.Options, timeProvider));

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
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"proserv-xref-{Guid.NewGuid():N}.db");

        public SqliteStoreOptions Options => new() { ConnectionString = $"Data Source={_path}", DurableCommits = false };

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
