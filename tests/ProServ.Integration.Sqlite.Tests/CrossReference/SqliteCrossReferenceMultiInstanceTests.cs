using System.Globalization;
using Microsoft.Data.Sqlite;
using ProServ.Integration.CrossReference;
using ProServ.Integration.Sqlite.CrossReference;

namespace ProServ.Integration.Sqlite.Tests.CrossReference;

/// <summary>Store instances that share only the database file (as separate processes would) still agree on one canonical id.</summary>
public sealed class SqliteCrossReferenceMultiInstanceTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"proserv-xref-multi-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public async Task GetOrCreate_FourInstancesSameFile_OneCanonicalIdEach()
    {
        var stores = Enumerable.Range(0, 4)
            .Select(_ => SqliteCrossReferenceStores.Create(new SqliteStoreOptions { ConnectionString = $"Data Source={_path}", DurableCommits = false }))
            .ToArray();
        var externalIds = Enumerable.Range(0, 200).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

        var results = await Task.WhenAll(stores.Select(store => Task.Run(async () =>
        {
            var seen = new Dictionary<string, CrossReferenceResult>(StringComparer.Ordinal);
            foreach (var externalId in externalIds)
            {
                seen[externalId] = await store.GetOrCreateAsync("t-multi", "client", "salesforce", externalId, Guid.NewGuid);
            }

            return seen;
        })));

        foreach (var externalId in externalIds)
        {
            Assert.Single(results.Select(r => r[externalId].CanonicalId).Distinct());
            Assert.Equal(1, results.Count(r => r[externalId].Created));
        }
    }
}
