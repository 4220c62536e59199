namespace ProServ.Integration.Sqlite.Checkpoints;

/// <summary>Creates the SQLite <see cref="ISqliteCheckpointStore"/>.</summary>
public static class SqliteCheckpointStores
{
    /// <summary>Creates a checkpoint store on a SQLite database; its table is created on first use.</summary>
    /// <param name="options">The database settings.</param>
    /// <param name="timeProvider">The clock that stamps advances; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>The store; thread-safe, share one per database.</returns>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static ISqliteCheckpointStore Create(SqliteStoreOptions options, TimeProvider? timeProvider = null) =>
        new SqliteCheckpointStore(new SqliteDatabase(options), timeProvider ?? TimeProvider.System);
}
