namespace ProServ.Integration.Sqlite.Outbox;

/// <summary>Creates the SQLite <see cref="ISqliteOutboxStore"/>.</summary>
public static class SqliteOutboxStores
{
    /// <summary>Creates an outbox on a SQLite database; its table is created on first use.</summary>
    /// <param name="options">The database settings.</param>
    /// <param name="timeProvider">The clock that stamps messages and leases; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>The store; thread-safe, share one per database.</returns>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static ISqliteOutboxStore Create(SqliteStoreOptions options, TimeProvider? timeProvider = null) =>
        new SqliteOutboxStore(new SqliteDatabase(options), timeProvider ?? TimeProvider.System);
}
