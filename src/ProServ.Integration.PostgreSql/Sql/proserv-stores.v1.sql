-- ProServ.Integration PostgreSQL stores, schema version 1.
-- The stores run exactly this script at start-up (inside a transaction holding an advisory lock); a DBA may run it by
-- hand instead and turn PostgreSqlStoreOptions.CreateSchemaOnStartup off. Every statement is idempotent.
-- For a schema other than the default, use PostgreSqlStoreSchema.GetScript(name), which renames the schema.
-- Times are timestamptz written from the application's TimeProvider (never now()), truncated to milliseconds.

CREATE SCHEMA IF NOT EXISTS proserv;

-- Idempotency keys (IIdempotencyStore). A lease is live while the caller's clock is before lease_expires_at.
CREATE TABLE IF NOT EXISTS proserv.idempotency_keys (
    tenant_id         text        NOT NULL,
    idempotency_key   text        NOT NULL,
    fingerprint       text        NOT NULL,
    state             text        NOT NULL CHECK (state IN ('in-progress', 'completed', 'failed')),
    lease_token       uuid        NULL,
    lease_expires_at  timestamptz NOT NULL,
    attempt           integer     NOT NULL,
    outcome           bytea       NULL,
    content_type      text        NULL,
    status_code       integer     NULL,
    error_code        text        NULL,
    error_message     text        NULL,
    retention_ms      bigint      NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS ix_idempotency_keys_expires_at ON proserv.idempotency_keys (expires_at);

-- Cross-references (ICrossReferenceStore): one row per (tenant, system, record type, external id).
CREATE TABLE IF NOT EXISTS proserv.xref (
    tenant        text        NOT NULL,
    system        text        NOT NULL,
    record_type   text        NOT NULL,
    external_id   text        NOT NULL,
    canonical_id  uuid        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant, system, record_type, external_id)
);
CREATE INDEX IF NOT EXISTS ix_xref_canonical ON proserv.xref (tenant, canonical_id);

CREATE TABLE IF NOT EXISTS proserv.xref_history (
    seq                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant                 text        NOT NULL,
    kind                   smallint    NOT NULL,
    record_type            text        NOT NULL,
    canonical_id           uuid        NOT NULL,
    survivor_canonical_id  uuid        NULL,
    system                 text        NULL,
    old_external_id        text        NULL,
    new_external_id        text        NULL,
    occurred_at            timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_xref_history_canonical ON proserv.xref_history (tenant, canonical_id);
CREATE INDEX IF NOT EXISTS ix_xref_history_survivor ON proserv.xref_history (tenant, survivor_canonical_id)
    WHERE survivor_canonical_id IS NOT NULL;

-- Checkpoints (ICheckpointStore): optimistic concurrency on version.
CREATE TABLE IF NOT EXISTS proserv.checkpoint (
    tenant      text        NOT NULL,
    connector   text        NOT NULL,
    stream      text        NOT NULL,
    cursor      text        NOT NULL,
    version     bigint      NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant, connector, stream)
);

-- Dead-letter items (IDeadLetterStore), unique per (tenant, idempotency key). A bulk replay claims a page of pending
-- items (FOR UPDATE SKIP LOCKED, then claimed_until), so that several replay workers share the work without overlap.
CREATE TABLE IF NOT EXISTS proserv.dead_letter (
    id               uuid        NOT NULL PRIMARY KEY,
    tenant           text        NOT NULL,
    source           text        NOT NULL,
    idempotency_key  text        NOT NULL,
    correlation_id   text        NULL,
    error_code       text        NOT NULL,
    error_message    text        NOT NULL,
    payload          bytea       NOT NULL,
    content_type     text        NOT NULL,
    attempts         integer     NOT NULL,
    first_failed_at  timestamptz NOT NULL,
    last_failed_at   timestamptz NOT NULL,
    resolved_at      timestamptz NULL,
    claimed_until    timestamptz NULL,
    UNIQUE (tenant, idempotency_key)
);
CREATE INDEX IF NOT EXISTS ix_dead_letter_list ON proserv.dead_letter (tenant, first_failed_at, id);
CREATE INDEX IF NOT EXISTS ix_dead_letter_pending ON proserv.dead_letter (first_failed_at, id)
    WHERE resolved_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_dead_letter_resolved ON proserv.dead_letter (resolved_at)
    WHERE resolved_at IS NOT NULL;

-- Outbox (IOutboxStore): messages to publish, claimed in seq order per (tenant, stream) with FOR UPDATE SKIP LOCKED.
-- state: 0 pending, 1 published, 2 dead-lettered. An unleased message has lease_token NULL and lease_expires_at 'epoch'.
CREATE TABLE IF NOT EXISTS proserv.outbox (
    seq                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant              text        NOT NULL,
    message_id          text        NOT NULL,
    stream              text        NOT NULL,
    type                text        NOT NULL,
    payload             bytea       NOT NULL,
    content_type        text        NOT NULL,
    correlation_id      text        NULL,
    state               smallint    NOT NULL CHECK (state IN (0, 1, 2)),
    attempts            integer     NOT NULL,
    enqueued_at         timestamptz NOT NULL,
    available_at        timestamptz NOT NULL,
    lease_token         uuid        NULL,
    lease_expires_at    timestamptz NOT NULL,
    completed_at        timestamptz NULL,
    last_error_code     text        NULL,
    last_error_message  text        NULL,
    UNIQUE (tenant, message_id)
);
CREATE INDEX IF NOT EXISTS ix_outbox_pending ON proserv.outbox (seq) WHERE state = 0;
CREATE INDEX IF NOT EXISTS ix_outbox_stream ON proserv.outbox (tenant, stream, seq) WHERE state = 0;
CREATE INDEX IF NOT EXISTS ix_outbox_completed ON proserv.outbox (completed_at) WHERE state <> 0;

-- Inbox (IInboxStore): one row per (consumer, message id) a consumer has handled.
CREATE TABLE IF NOT EXISTS proserv.inbox (
    consumer     text        NOT NULL,
    message_id   text        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX IF NOT EXISTS ix_inbox_recorded ON proserv.inbox (recorded_at);
