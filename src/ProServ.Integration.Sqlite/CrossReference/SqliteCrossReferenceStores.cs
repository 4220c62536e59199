using ProServ.Integration.CrossReference;

namespace ProServ.Integration.Sqlite.CrossReference;

/// <summary>Creates the SQLite <see cref="ICrossReferenceStore"/>.</summary>
public static class SqliteCrossReferenceStores
{
    /// <summary>Creates a cross-reference store on a SQLite database; its tables are created on first use.</summary>
    /// <param name="options">The database settings.</param>
    /// <param name="timeProvider">The clock that stamps links and history; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>The store; thread-safe, share one per database.</returns>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static ICrossReferenceStore Create(SqliteStoreOptions options, TimeProvider? timeProvider = null) =>
        new SqliteCrossReferenceStore(new SqliteDatabase(options), timeProvider ?? TimeProvider.System);
}
