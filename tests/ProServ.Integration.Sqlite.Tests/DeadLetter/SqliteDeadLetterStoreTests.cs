using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Sqlite.DeadLetter;
using ProServ.Integration.Testing.DeadLetter;

namespace ProServ.Integration.Sqlite.Tests.DeadLetter;

/// <summary>Runs the conformance suite on SQLite: one temporary database file per test class, deleted afterwards.</summary>
public sealed class SqliteDeadLetterStoreTests : DeadLetterStoreConformanceTests, IClassFixture<SqliteDeadLetterStoreTests.TempDatabase>
{
    private readonly TempDatabase _database;

    public SqliteDeadLetterStoreTests(TempDatabase database)
    {
        _database = database;
    }

    [Fact]
    public void Ddl_IsPrintedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(FindRepoRoot(), "docs", "stores.md"));
        Assert.Contains(SqliteDeadLetterSchema.Ddl.ReplaceLineEndings("\n"), docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    protected override ValueTask<IDeadLetterStore> CreateStoreAsync(TimeProvider timeProvider, DeadLetterOptions options)
        => ValueTask.FromResult<IDeadLetterStore>(SqliteDeadLetterStores.Create(_database.Options, options, timeProvider));

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
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"proserv-dead-letter-{Guid.NewGuid():N}.db");

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
