namespace ProServ.Integration.Sqlite.Checkpoints;

/// <summary>Holds the DDL of the checkpoint table (printed in docs/stores.md).</summary>
internal static class SqliteCheckpointSchema
{
    public const string Feature = "checkpoints";

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS proserv_checkpoint (
            tenant      TEXT    NOT NULL,
            connector   TEXT    NOT NULL,
            stream      TEXT    NOT NULL,
            cursor      TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            updated_ms  INTEGER NOT NULL,
            PRIMARY KEY (tenant, connector, stream)
        ) WITHOUT ROWID;
        """;
}
