namespace ProServ.Integration.Sqlite.Inbox;

/// <summary>Holds the DDL and statements of the inbox table (the DDL is printed in docs/outbox.md).</summary>
internal static class SqliteInboxSchema
{
    public const string Feature = "inbox";

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS proserv_inbox (
            consumer     TEXT    NOT NULL,
            message_id   TEXT    NOT NULL,
            recorded_ms  INTEGER NOT NULL,
            PRIMARY KEY (consumer, message_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_proserv_inbox_recorded ON proserv_inbox (recorded_ms);
        """;

    public const string Insert = """
        INSERT INTO proserv_inbox (consumer, message_id, recorded_ms) VALUES ($consumer, $message_id, $now)
        ON CONFLICT (consumer, message_id) DO NOTHING;
        """;

    public const string Delete = "DELETE FROM proserv_inbox WHERE consumer = $consumer AND message_id = $message_id;";

    public const string Purge = """
        DELETE FROM proserv_inbox WHERE (consumer, message_id) IN (
            SELECT consumer, message_id FROM proserv_inbox WHERE recorded_ms < $older_than ORDER BY recorded_ms LIMIT $max);
        """;
}
