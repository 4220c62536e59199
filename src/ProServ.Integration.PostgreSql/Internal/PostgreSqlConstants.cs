namespace ProServ.Integration.PostgreSql;

/// <summary>Holds every default of the PostgreSQL stores.</summary>
internal static class PostgreSqlConstants
{
    public const string DefaultSchemaName = "proserv";

    public const int MaxIdentifierLength = 63;

    /// <summary>The resource name of the embedded DDL script (schema version 1).</summary>
    public const string ScriptResourceName = "ProServ.Integration.PostgreSql.Sql.proserv-stores.v1.sql";

    /// <summary>How many times a batch is retried after PostgreSQL chose it as a deadlock victim.</summary>
    public const int MaxDeadlockRetries = 5;

    public static readonly TimeSpan DefaultReplayClaimDuration = TimeSpan.FromMinutes(5);
}
