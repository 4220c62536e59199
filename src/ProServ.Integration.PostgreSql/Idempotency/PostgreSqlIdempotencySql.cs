namespace ProServ.Integration.PostgreSql.Idempotency;

/// <summary>Holds the SQL of <see cref="PostgreSqlIdempotencyStore"/> for one schema.</summary>
/// <remarks>
/// A batch begin first inserts every key in one statement (<c>ON CONFLICT DO NOTHING RETURNING</c>, in a fixed key order
/// so that concurrent batches cannot deadlock): new keys — the common case — are settled in that one round trip. For the
/// keys that already existed a second round trip sends two statements: take over expired leases (rows locked in key
/// order with <c>FOR UPDATE</c>; the <c>WHERE</c> is re-checked on the latest row version, so exactly one worker wins),
/// then read each key with a flag telling whether this batch now holds its lease.
/// </remarks>
internal sealed class PostgreSqlIdempotencySql
{
    private const string Requests =
        "unnest(@tenants::text[], @keys::text[], @fingerprints::text[], @tokens::uuid[]) WITH ORDINALITY AS r(tenant_id, idempotency_key, fingerprint, token, ord)";

    public PostgreSqlIdempotencySql(string schema)
    {
        var table = schema + ".idempotency_keys";
        Insert = $"""
            INSERT INTO {table}
                (tenant_id, idempotency_key, fingerprint, state, lease_token, lease_expires_at, attempt, retention_ms, created_at, updated_at, expires_at)
            SELECT r.tenant_id, r.idempotency_key, r.fingerprint, 'in-progress', r.token, @lease_expires_at, 1, @retention_ms, @now, @now, @expires_at
            FROM {Requests}
            ORDER BY r.ord
            ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
            RETURNING lease_token
            """;
        TakeOver = $"""
            WITH due AS (
                SELECT k.tenant_id, k.idempotency_key, r.token
                FROM {Requests}
                JOIN {table} k ON k.tenant_id = r.tenant_id AND k.idempotency_key = r.idempotency_key
                WHERE k.fingerprint = r.fingerprint AND k.state = 'in-progress' AND k.lease_expires_at <= @now
                ORDER BY r.ord
                FOR UPDATE OF k)
            UPDATE {table} k
            SET lease_token = due.token, lease_expires_at = @lease_expires_at, attempt = k.attempt + 1, updated_at = @now,
                expires_at = GREATEST(k.expires_at, @now + k.retention_ms * interval '1 millisecond')
            FROM due
            WHERE k.tenant_id = due.tenant_id AND k.idempotency_key = due.idempotency_key
              AND k.state = 'in-progress' AND k.lease_expires_at <= @now
            """;
        Read = $"""
            SELECT r.ord, k.lease_token = r.token, k.fingerprint, k.state, k.lease_expires_at, k.attempt,
                   k.outcome, k.content_type, k.status_code, k.error_code, k.error_message
            FROM {Requests}
            LEFT JOIN {table} k ON k.tenant_id = r.tenant_id AND k.idempotency_key = r.idempotency_key
            """;
        Select = $"""
            SELECT fingerprint, state, lease_expires_at, attempt, outcome, content_type, status_code, error_code, error_message,
                   created_at, updated_at, expires_at
            FROM {table}
            WHERE tenant_id = @tenant AND idempotency_key = @key
            """;
        const string Held = "WHERE tenant_id = @tenant AND idempotency_key = @key AND state = 'in-progress' AND lease_token = @token";
        Complete = $"""
            UPDATE {table}
            SET state = 'completed', outcome = @outcome, content_type = @content_type, status_code = @status_code,
                lease_token = NULL, updated_at = @now, expires_at = @now + retention_ms * interval '1 millisecond'
            {Held}
            """;
        FailPermanently = $"""
            UPDATE {table}
            SET state = 'failed', error_code = @error_code, error_message = @error_message,
                lease_token = NULL, updated_at = @now, expires_at = @now + retention_ms * interval '1 millisecond'
            {Held}
            """;
        Release = $"""
            UPDATE {table}
            SET lease_token = NULL, lease_expires_at = @now, updated_at = @now, expires_at = @now + retention_ms * interval '1 millisecond'
            {Held}
            """;
        Renew = $"""
            UPDATE {table}
            SET lease_expires_at = @lease_expires_at, updated_at = @now
            {Held}
            """;
        Purge = $"""
            DELETE FROM {table} k
            USING (
                SELECT tenant_id, idempotency_key FROM {table}
                WHERE expires_at <= @now AND (state <> 'in-progress' OR lease_expires_at <= @now)
                ORDER BY expires_at
                LIMIT @max_batch
                FOR UPDATE SKIP LOCKED) AS due
            WHERE k.tenant_id = due.tenant_id AND k.idempotency_key = due.idempotency_key
            """;
    }

    public string Insert { get; }

    public string TakeOver { get; }

    public string Read { get; }

    public string Select { get; }

    public string Complete { get; }

    public string FailPermanently { get; }

    public string Release { get; }

    public string Renew { get; }

    public string Purge { get; }
}
