using System.ComponentModel.DataAnnotations;

namespace ProServ.Integration.Sqlite;

/// <summary>Configures the SQLite durable stores.</summary>
/// <remarks>All stores of one host may share one database file; each creates its own tables on first use.</remarks>
public sealed class SqliteStoreOptions
{
    /// <summary>Gets or sets the connection string. The default value is <c>Data Source=proserv-integration.db</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = SqliteConstants.DefaultConnectionString;

    /// <summary>Gets or sets how long a writer waits for another writer's lock before failing. The default value is 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = SqliteConstants.DefaultBusyTimeout;

    /// <summary>
    /// Gets or sets a value indicating whether every commit is flushed to disk (<c>synchronous=FULL</c>) rather than at WAL
    /// checkpoints (<c>NORMAL</c>). The default value is <see langword="true"/>: an idempotency record lost to a power cut
    /// could let an operation run twice.
    /// </summary>
    public bool DurableCommits { get; set; } = true;
}
