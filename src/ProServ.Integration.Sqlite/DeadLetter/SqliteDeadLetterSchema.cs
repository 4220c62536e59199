namespace ProServ.Integration.Sqlite.DeadLetter;

/// <summary>Holds the DDL of the dead-letter table (printed in docs/stores.md).</summary>
internal static class SqliteDeadLetterSchema
{
    public const string Feature = "dead-letter";

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS proserv_dead_letter (
            id               TEXT    NOT NULL PRIMARY KEY,
            tenant           TEXT    NOT NULL,
            source           TEXT    NOT NULL,
            idempotency_key  TEXT    NOT NULL,
            correlation_id   TEXT    NULL,
            error_code       TEXT    NOT NULL,
            error_message    TEXT    NOT NULL,
            payload          BLOB    NOT NULL,
            content_type     TEXT    NOT NULL,
            attempts         INTEGER NOT NULL,
            first_failed_ms  INTEGER NOT NULL,
            last_failed_ms   INTEGER NOT NULL,
            resolved_ms      INTEGER NULL,
            UNIQUE (tenant, idempotency_key)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_proserv_dead_letter_list ON proserv_dead_letter (tenant, first_failed_ms, id);
        CREATE INDEX IF NOT EXISTS ix_proserv_dead_letter_resolved ON proserv_dead_letter (resolved_ms)
            WHERE resolved_ms IS NOT NULL;
        """;
}
