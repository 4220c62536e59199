namespace ProServ.Integration.Sqlite.Outbox;

/// <summary>Holds the DDL and statements of the outbox table (the DDL is printed in docs/outbox.md).</summary>
internal static class SqliteOutboxSchema
{
    public const string Feature = "outbox";

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS proserv_outbox (
            seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
            tenant              TEXT    NOT NULL,
            message_id          TEXT    NOT NULL,
            stream              TEXT    NOT NULL,
            type                TEXT    NOT NULL,
            payload             BLOB    NOT NULL,
            content_type        TEXT    NOT NULL,
            correlation_id      TEXT    NULL,
            state               INTEGER NOT NULL,
            attempts            INTEGER NOT NULL,
            enqueued_ms         INTEGER NOT NULL,
            available_ms        INTEGER NOT NULL,
            lease_token         TEXT    NULL,
            lease_expires_ms    INTEGER NOT NULL,
            completed_ms        INTEGER NULL,
            last_error_code     TEXT    NULL,
            last_error_message  TEXT    NULL,
            UNIQUE (tenant, message_id)
        );
        CREATE INDEX IF NOT EXISTS ix_proserv_outbox_pending ON proserv_outbox (seq) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS ix_proserv_outbox_stream ON proserv_outbox (tenant, stream, seq) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS ix_proserv_outbox_completed ON proserv_outbox (completed_ms) WHERE state <> 0;
        """;

    public const string Columns = "seq, message_id, tenant, stream, type, payload, content_type, correlation_id, state, attempts, enqueued_ms, available_ms, lease_token, lease_expires_ms, completed_ms, last_error_code, last_error_message";

    public const string Insert = """
        INSERT INTO proserv_outbox (tenant, message_id, stream, type, payload, content_type, correlation_id, state, attempts, enqueued_ms, available_ms, lease_expires_ms)
        VALUES ($tenant, $message_id, $stream, $type, $payload, $content_type, $correlation_id, 0, 0, $now, $now, 0)
        ON CONFLICT (tenant, message_id) DO NOTHING;
        """;

    // A message is claimable when it is pending, due and not leased, and no earlier pending message of its stream is
    // waiting for a retry or leased by another claim. Taking the first rows in sequence order keeps each stream's order:
    // every earlier claimable message of a claimed message's stream has a smaller sequence and is claimed too.
    public const string Claim = """
        UPDATE proserv_outbox
        SET lease_token = $token, lease_expires_ms = $expires, attempts = attempts + 1
        WHERE seq IN (
            SELECT m.seq FROM proserv_outbox m
            WHERE m.state = 0 AND m.available_ms <= $now AND m.lease_expires_ms <= $now
              AND NOT EXISTS (
                  SELECT 1 FROM proserv_outbox e
                  WHERE e.state = 0 AND e.tenant = m.tenant AND e.stream = m.stream AND e.seq < m.seq
                    AND (e.available_ms > $now OR e.lease_expires_ms > $now))
            ORDER BY m.seq
            LIMIT $max)
        RETURNING
        """ + " " + Columns + ";";

    public const string MarkPublished = """
        UPDATE proserv_outbox SET state = 1, completed_ms = $now, lease_token = NULL, lease_expires_ms = 0
        WHERE seq = $seq AND tenant = $tenant AND state = 0 AND lease_token = $token;
        """;

    public const string Reschedule = """
        UPDATE proserv_outbox SET available_ms = $available, last_error_code = $error_code, last_error_message = $error_message,
            lease_token = NULL, lease_expires_ms = 0
        WHERE seq = $seq AND tenant = $tenant AND state = 0 AND lease_token = $token;
        """;

    public const string Release = """
        UPDATE proserv_outbox SET attempts = attempts - 1, lease_token = NULL, lease_expires_ms = 0
        WHERE seq = $seq AND tenant = $tenant AND state = 0 AND lease_token = $token;
        """;

    public const string MarkDeadLettered = """
        UPDATE proserv_outbox SET state = 2, completed_ms = $now, last_error_code = $error_code, last_error_message = $error_message,
            lease_token = NULL, lease_expires_ms = 0
        WHERE seq = $seq AND tenant = $tenant AND state = 0 AND lease_token = $token;
        """;

    public const string Select = "SELECT " + Columns + " FROM proserv_outbox WHERE tenant = $tenant AND message_id = $message_id;";

    public const string Purge = """
        DELETE FROM proserv_outbox WHERE seq IN (
            SELECT seq FROM proserv_outbox WHERE state <> 0 AND completed_ms < $older_than ORDER BY completed_ms, seq LIMIT $max);
        """;
}
