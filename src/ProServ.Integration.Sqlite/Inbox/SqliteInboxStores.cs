namespace ProServ.Integration.Sqlite.Inbox;

/// <summary>Creates the SQLite <see cref="ISqliteInboxStore"/>.</summary>
public static class SqliteInboxStores
{
    /// <summary>Creates an inbox on a SQLite database; its table is created on first use.</summary>
    /// <param name="options">The database settings.</param>
    /// <param name="timeProvider">The clock that stamps records; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>The store; thread-safe, share one per database.</returns>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static ISqliteInboxStore Create(SqliteStoreOptions options, TimeProvider? timeProvider = null) =>
        new SqliteInboxStore(new SqliteDatabase(options), timeProvider ?? TimeProvider.System);
}
