using ProServ.Integration.DeadLetter;

namespace ProServ.Integration.Sqlite.DeadLetter;

/// <summary>Creates the SQLite <see cref="IDeadLetterStore"/>.</summary>
public static class SqliteDeadLetterStores
{
    /// <summary>Creates a dead-letter store on a SQLite database; its table is created on first use.</summary>
    /// <param name="options">The database settings.</param>
    /// <param name="deadLetterOptions">The redaction settings; the default value is a new <see cref="DeadLetterOptions"/>.</param>
    /// <param name="timeProvider">The clock that stamps failures and resolutions; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>The store; thread-safe, share one per database.</returns>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static IDeadLetterStore Create(SqliteStoreOptions options, DeadLetterOptions? deadLetterOptions = null, TimeProvider? timeProvider = null) =>
        new SqliteDeadLetterStore(new SqliteDatabase(options), deadLetterOptions ?? new DeadLetterOptions(), timeProvider ?? TimeProvider.System);
}
