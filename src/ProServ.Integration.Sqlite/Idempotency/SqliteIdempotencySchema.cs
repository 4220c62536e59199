namespace ProServ.Integration.Sqlite;

/// <summary>Holds the DDL and SQL of <see cref="SqliteIdempotencyStore"/>. The DDL is also printed in docs/idempotency.md.</summary>
/// <remarks>Times are Unix milliseconds (UTC) from the store's <see cref="TimeProvider"/>. A lease is live while <c>now &lt; lease_expires_at</c>.</remarks>
internal static class SqliteIdempotencySchema
{
    public const string Feature = "idempotency";

    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS proserv_idempotency_keys (
            tenant_id        TEXT    NOT NULL,
            idempotency_key  TEXT    NOT NULL,
            fingerprint      TEXT    NOT NULL,
            state            TEXT    NOT NULL CHECK (state IN ('in-progress', 'completed', 'failed')),
            lease_token      TEXT    NULL,
            lease_expires_at INTEGER NOT NULL,
            attempt          INTEGER NOT NULL,
            outcome          BLOB    NULL,
            content_type     TEXT    NULL,
            status_code      INTEGER NULL,
            error_code       TEXT    NULL,
            error_message    TEXT    NULL,
            retention_ms     INTEGER NOT NULL,
            created_at       INTEGER NOT NULL,
            updated_at       INTEGER NOT NULL,
            expires_at       INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, idempotency_key)
        );
        CREATE INDEX IF NOT EXISTS ix_proserv_idempotency_keys_expires_at ON proserv_idempotency_keys (expires_at);
        """;

    public const string Insert = """
        INSERT INTO proserv_idempotency_keys
            (tenant_id, idempotency_key, fingerprint, state, lease_token, lease_expires_at, attempt, retention_ms, created_at, updated_at, expires_at)
        VALUES (@tenant, @key, @fingerprint, 'in-progress', @token, @lease_expires_at, 1, @retention_ms, @now, @now, @now + @retention_ms)
        ON CONFLICT (tenant_id, idempotency_key) DO NOTHING;
        """;

    public const string TakeOver = """
        UPDATE proserv_idempotency_keys
        SET lease_token = @token, lease_expires_at = @lease_expires_at, attempt = attempt + 1, updated_at = @now,
            expires_at = MAX(expires_at, @now + retention_ms)
        WHERE tenant_id = @tenant AND idempotency_key = @key AND fingerprint = @fingerprint
          AND state = 'in-progress' AND lease_expires_at <= @now
        RETURNING attempt;
        """;

    public const string Select = """
        SELECT fingerprint, state, lease_expires_at, attempt, outcome, content_type, status_code, error_code, error_message,
               created_at, updated_at, expires_at
        FROM proserv_idempotency_keys
        WHERE tenant_id = @tenant AND idempotency_key = @key;
        """;

    public const string Complete = """
        UPDATE proserv_idempotency_keys
        SET state = 'completed', outcome = @outcome, content_type = @content_type, status_code = @status_code,
            lease_token = NULL, updated_at = @now, expires_at = @now + retention_ms
        WHERE tenant_id = @tenant AND idempotency_key = @key AND state = 'in-progress' AND lease_token = @token;
        """;

    public const string FailPermanently = """
        UPDATE proserv_idempotency_keys
        SET state = 'failed', error_code = @error_code, error_message = @error_message,
            lease_token = NULL, updated_at = @now, expires_at = @now + retention_ms
        WHERE tenant_id = @tenant AND idempotency_key = @key AND state = 'in-progress' AND lease_token = @token;
        """;

    public const string Release = """
        UPDATE proserv_idempotency_keys
        SET lease_token = NULL, lease_expires_at = @now, updated_at = @now, expires_at = @now + retention_ms
        WHERE tenant_id = @tenant AND idempotency_key = @key AND state = 'in-progress' AND lease_token = @token;
        """;

    public const string Renew = """
        UPDATE proserv_idempotency_keys
        SET lease_expires_at = @lease_expires_at, updated_at = @now
        WHERE tenant_id = @tenant AND idempotency_key = @key AND state = 'in-progress' AND lease_token = @token;
        """;

    public const string Purge = """
        DELETE FROM proserv_idempotency_keys
        WHERE rowid IN (
            SELECT rowid FROM proserv_idempotency_keys
            WHERE expires_at <= @now AND (state <> 'in-progress' OR lease_expires_at <= @now)
            LIMIT @max_batch);
        """;
}
