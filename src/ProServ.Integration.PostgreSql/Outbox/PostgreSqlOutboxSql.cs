namespace ProServ.Integration.PostgreSql.Outbox;

/// <summary>Holds the statements of the outbox table for one schema (the DDL lives in <c>Sql/proserv-stores.v1.sql</c>).</summary>
internal sealed class PostgreSqlOutboxSql
{
    private const string Columns =
        "seq, message_id, tenant, stream, type, payload, content_type, correlation_id, state, attempts, enqueued_at, available_at, lease_token, lease_expires_at, completed_at, last_error_code, last_error_message";

    private const string Held = "WHERE seq = @seq AND tenant = @tenant AND state = 0 AND lease_token = @token";

    public PostgreSqlOutboxSql(string schemaName)
    {
        var t = schemaName + ".outbox";
        Insert = $"""
            INSERT INTO {t} (tenant, message_id, stream, type, payload, content_type, correlation_id, state, attempts, enqueued_at, available_at, lease_expires_at)
            VALUES (@tenant, @message_id, @stream, @type, @payload, @content_type, @correlation_id, 0, 0, @now, @now, 'epoch')
            ON CONFLICT (tenant, message_id) DO NOTHING
            """;

        // candidate: the first due, unleased pending messages whose stream has no earlier message leased or waiting for a
        // retry, locked with SKIP LOCKED so that concurrent claims take disjoint rows without waiting. claimable: of those,
        // only messages every earlier pending message of whose stream is a candidate too — a row another claim holds (locked,
        // its lease not yet committed) therefore blocks the rest of its stream, which keeps per-stream order across claims.
        Claim = $"""
            WITH candidate AS (
                SELECT m.seq, m.tenant, m.stream FROM {t} m
                WHERE m.state = 0 AND m.available_at <= @now AND m.lease_expires_at <= @now
                  AND NOT EXISTS (
                      SELECT 1 FROM {t} e
                      WHERE e.state = 0 AND e.tenant = m.tenant AND e.stream = m.stream AND e.seq < m.seq
                        AND (e.available_at > @now OR e.lease_expires_at > @now))
                ORDER BY m.seq
                LIMIT @max
                FOR UPDATE OF m SKIP LOCKED),
            claimable AS (
                SELECT c.seq FROM candidate c
                WHERE NOT EXISTS (
                    SELECT 1 FROM {t} e
                    WHERE e.state = 0 AND e.tenant = c.tenant AND e.stream = c.stream AND e.seq < c.seq
                      AND NOT EXISTS (SELECT 1 FROM candidate x WHERE x.seq = e.seq)))
            UPDATE {t} o SET lease_token = @token, lease_expires_at = @expires, attempts = o.attempts + 1
            FROM claimable WHERE o.seq = claimable.seq
            RETURNING {Prefixed("o")}
            """;
        MarkPublished = $"UPDATE {t} SET state = 1, completed_at = @now, lease_token = NULL, lease_expires_at = 'epoch' {Held}";
        Reschedule = $"""
            UPDATE {t} SET available_at = @available, last_error_code = @error_code, last_error_message = @error_message,
                lease_token = NULL, lease_expires_at = 'epoch'
            {Held}
            """;
        Release = $"UPDATE {t} SET attempts = attempts - 1, lease_token = NULL, lease_expires_at = 'epoch' {Held}";
        MarkDeadLettered = $"""
            UPDATE {t} SET state = 2, completed_at = @now, last_error_code = @error_code, last_error_message = @error_message,
                lease_token = NULL, lease_expires_at = 'epoch'
            {Held}
            """;
        Select = $"SELECT {Columns} FROM {t} WHERE tenant = @tenant AND message_id = @message_id";
        Purge = $"""
            DELETE FROM {t} WHERE seq IN (
                SELECT seq FROM {t} WHERE state <> 0 AND completed_at < @older_than
                ORDER BY completed_at, seq LIMIT @max FOR UPDATE SKIP LOCKED)
            """;
    }

    public string Insert { get; }

    public string Claim { get; }

    public string MarkPublished { get; }

    public string Reschedule { get; }

    public string Release { get; }

    public string MarkDeadLettered { get; }

    public string Select { get; }

    public string Purge { get; }

    private static string Prefixed(string alias) => alias + "." + Columns.Replace(", ", ", " + alias + ".", StringComparison.Ordinal);
}
