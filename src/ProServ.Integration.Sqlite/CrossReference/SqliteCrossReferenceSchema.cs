namespace ProServ.Integration.Sqlite.CrossReference;

/// <summary>Holds the DDL of the cross-reference tables (printed in docs/stores.md).</summary>
internal static class SqliteCrossReferenceSchema
{
    public const string Feature = "cross-reference";

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS proserv_xref (
            tenant        TEXT    NOT NULL,
            system        TEXT    NOT NULL,
            record_type   TEXT    NOT NULL,
            external_id   TEXT    NOT NULL,
            canonical_id  TEXT    NOT NULL,
            created_ms    INTEGER NOT NULL,
            PRIMARY KEY (tenant, system, record_type, external_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_proserv_xref_canonical ON proserv_xref (tenant, canonical_id);
        CREATE TABLE IF NOT EXISTS proserv_xref_history (
            seq                    INTEGER PRIMARY KEY AUTOINCREMENT,
            tenant                 TEXT    NOT NULL,
            kind                   INTEGER NOT NULL,
            record_type            TEXT    NOT NULL,
            canonical_id           TEXT    NOT NULL,
            survivor_canonical_id  TEXT    NULL,
            system                 TEXT    NULL,
            old_external_id        TEXT    NULL,
            new_external_id        TEXT    NULL,
            occurred_ms            INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_proserv_xref_history_canonical ON proserv_xref_history (tenant, canonical_id);
        CREATE INDEX IF NOT EXISTS ix_proserv_xref_history_survivor ON proserv_xref_history (tenant, survivor_canonical_id)
            WHERE survivor_canonical_id IS NOT NULL;
        """;
}
