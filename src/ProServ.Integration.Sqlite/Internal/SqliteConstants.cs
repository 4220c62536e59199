namespace ProServ.Integration.Sqlite;

/// <summary>Holds every default of the SQLite stores.</summary>
internal static class SqliteConstants
{
    public const string DefaultConnectionString = "Data Source=proserv-integration.db";

    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);
}
