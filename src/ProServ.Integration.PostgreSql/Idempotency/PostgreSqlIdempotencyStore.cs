using Npgsql;
using NpgsqlTypes;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Internal;

namespace ProServ.Integration.PostgreSql.Idempotency;

/// <summary>Keeps idempotency keys durably in PostgreSQL (table <c>idempotency_keys</c> of the configured schema).</summary>
/// <remarks>
/// <para>A begin, single or batched, claims the new keys in one round trip with <c>INSERT … ON CONFLICT DO NOTHING RETURNING</c>; keys that already existed take a second round trip, in which
/// expired leases are taken over by a conditional <c>UPDATE</c> on rows locked in key order (exactly one worker wins,
/// on any number of machines) and the keys are read back. Completing, failing and
/// renewing are single <c>UPDATE</c>s conditioned on the lease token. Purge deletes bounded batches chosen with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several purgers never wait on each other.</para>
/// <para>Times come from the injected <see cref="TimeProvider"/>, truncated to milliseconds; the database clock is never
/// read. Thread-safe; share one instance per database and schema.</para>
/// </remarks>
public sealed class PostgreSqlIdempotencyStore : IIdempotencyStore, IAsyncDisposable, IDisposable
{
    private const string InProgressState = "in-progress";
    private const string CompletedState = "completed";

    private readonly PostgreSqlDatabase _database;
    private readonly PostgreSqlIdempotencySql _sql;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlIdempotencyStore"/> class.</summary>
    /// <param name="options">The database options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public PostgreSqlIdempotencyStore(PostgreSqlStoreOptions options, TimeProvider? timeProvider = null)
    {
        _database = new PostgreSqlDatabase(options);
        _sql = new PostgreSqlIdempotencySql(_database.SchemaName);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public async ValueTask<IdempotencyBeginResult> TryBeginAsync(string tenantId, IdempotencyKey key, RequestFingerprint fingerprint, TimeSpan leaseDuration, TimeSpan retention, CancellationToken cancellationToken)
    {
        IdempotencyArguments.Begin(tenantId, key, fingerprint, leaseDuration, retention);
        var results = await TryBeginManyAsync([new IdempotencyBeginRequest(tenantId, key, fingerprint)], leaseDuration, retention, cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<IdempotencyBeginResult>> TryBeginManyAsync(IReadOnlyList<IdempotencyBeginRequest> requests, TimeSpan leaseDuration, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        IdempotencyArguments.Durations(leaseDuration, retention);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            IdempotencyArguments.Begin(request.TenantId, request.Key, request.Fingerprint, leaseDuration, retention);
        }

        var results = new IdempotencyBeginResult[requests.Count];
        if (requests.Count == 0)
        {
            return results;
        }

        var pending = new List<int>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            pending.Add(i);
        }

        // A request whose answer the batch could not settle (its row vanished to a purge, or an expired lease that an
        // earlier duplicate with another fingerprint did not take over) is begun again on its own, in order.
        var retry = await BeginBatchAsync(requests, pending, results, leaseDuration, retention, cancellationToken).ConfigureAwait(false);
        foreach (var index in retry)
        {
            for (var attempt = 0; attempt < PostgreSqlConstants.MaxDeadlockRetries && results[index] is null; attempt++)
            {
                await BeginBatchAsync(requests, [index], results, leaseDuration, retention, cancellationToken).ConfigureAwait(false);
            }

            // Still contended after every retry (rows purged and re-created under us): report it as in progress, so the
            // caller backs off and asks again.
            results[index] ??= IdempotencyBeginResult.InProgress(PostgreSqlTime.Now(_timeProvider));
        }

        return results;
    }

    /// <inheritdoc/>
    public async ValueTask CompleteAsync(IdempotencyLease lease, IdempotencyOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await UpdateHeldAsync(lease, _sql.Complete, (command, _) =>
        {
            command.Parameters.Add(new NpgsqlParameter<byte[]>("outcome", outcome.Content.ToArray()));
            command.Parameters.Add(new NpgsqlParameter<string>("content_type", outcome.ContentType));
            command.Parameters.Add(new NpgsqlParameter<int>("status_code", outcome.StatusCode));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask FailAsync(IdempotencyLease lease, bool permanent, IdempotencyFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (permanent)
        {
            await UpdateHeldAsync(lease, _sql.FailPermanently, (command, _) =>
            {
                command.Parameters.Add(new NpgsqlParameter<string>("error_code", failure.ErrorCode));
                command.Parameters.Add(new NpgsqlParameter<string>("error_message", failure.Message));
            }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await UpdateHeldAsync(lease, _sql.Release, static (_, _) => { }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IdempotencyLease> RenewLeaseAsync(IdempotencyLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        IdempotencyArguments.Lease(lease);
        Guard.Positive(leaseDuration);
        var expiresAt = default(DateTimeOffset);
        await UpdateHeldAsync(lease, _sql.Renew, (command, now) =>
        {
            expiresAt = now + TimeSpan.FromMilliseconds((long)leaseDuration.TotalMilliseconds);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("lease_expires_at", expiresAt));
        }, cancellationToken).ConfigureAwait(false);
        return lease with { ExpiresAt = expiresAt };
    }

    /// <inheritdoc/>
    public async ValueTask<IdempotencyRecord?> GetAsync(string tenantId, IdempotencyKey key, CancellationToken cancellationToken)
    {
        Guard.TenantId(tenantId);
        IdempotencyArguments.Key(key);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var select = new NpgsqlCommand(_sql.Select, connection);
            await using (select.ConfigureAwait(false))
            {
                select.Parameters.Add(new NpgsqlParameter<string>("tenant", tenantId));
                select.Parameters.Add(new NpgsqlParameter<string>("key", key.Value));
                var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    var state = ParseState(reader.GetString(1));
                    return new IdempotencyRecord
                    {
                        TenantId = tenantId,
                        Key = key,
                        Fingerprint = RequestFingerprint.Parse(reader.GetString(0)),
                        State = state,
                        LeaseExpiresAt = reader.GetFieldValue<DateTimeOffset>(2),
                        Attempt = reader.GetInt32(3),
                        Outcome = state == IdempotencyState.Completed ? ReadOutcome(reader, 4) : null,
                        Failure = state == IdempotencyState.Failed ? new IdempotencyFailure(reader.GetString(7), reader.GetString(8)) : null,
                        CreatedAt = reader.GetFieldValue<DateTimeOffset>(9),
                        UpdatedAt = reader.GetFieldValue<DateTimeOffset>(10),
                        ExpiresAt = reader.GetFieldValue<DateTimeOffset>(11),
                    };
                }
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<int> PurgeExpiredAsync(int maxBatch, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var purge = new NpgsqlCommand(_sql.Purge, connection);
            await using (purge.ConfigureAwait(false))
            {
                purge.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", PostgreSqlTime.Now(_timeProvider)));
                purge.Parameters.Add(new NpgsqlParameter<int>("max_batch", maxBatch));
                return await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Creates the schema and tables now instead of on first use.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the tables exist.</returns>
    public async ValueTask EnsureCreatedAsync(CancellationToken cancellationToken = default) =>
        await _database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    /// <returns>A task that completes when the data source is disposed.</returns>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    /// <summary>Disposes the data source the store created from <see cref="PostgreSqlStoreOptions.ConnectionString"/>; a data source passed in is left to its owner.</summary>
    public void Dispose() => _database.Dispose();

    private static IdempotencyState ParseState(string state) => state switch
    {
        InProgressState => IdempotencyState.InProgress,
        CompletedState => IdempotencyState.Completed,
        _ => IdempotencyState.Failed,
    };

    private static IdempotencyOutcome ReadOutcome(NpgsqlDataReader reader, int ordinal) =>
        new(reader.IsDBNull(ordinal) ? [] : reader.GetFieldValue<byte[]>(ordinal), reader.GetString(ordinal + 1), reader.GetInt32(ordinal + 2));

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string[] tenants, string[] keys, string[] fingerprints, Guid[] tokens)
    {
        var command = new NpgsqlCommand(sql, connection);
        AddRequests(command.Parameters, tenants, keys, fingerprints, tokens);
        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, string[] tenants, string[] keys, string[] fingerprints, Guid[] tokens)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddRequests(command.Parameters, tenants, keys, fingerprints, tokens);
        return command;
    }

    private static void AddRequests(NpgsqlParameterCollection parameters, string[] tenants, string[] keys, string[] fingerprints, Guid[] tokens)
    {
        parameters.Add(new NpgsqlParameter<string[]>("tenants", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = tenants });
        parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = keys });
        parameters.Add(new NpgsqlParameter<string[]>("fingerprints", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = fingerprints });
        parameters.Add(new NpgsqlParameter<Guid[]>("tokens", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = tokens });
    }

    /// <summary>Begins the given requests in one round trip; returns the indices it could not settle.</summary>
    private async ValueTask<List<int>> BeginBatchAsync(
        IReadOnlyList<IdempotencyBeginRequest> requests,
        List<int> indices,
        IdempotencyBeginResult[] results,
        TimeSpan leaseDuration,
        TimeSpan retention,
        CancellationToken cancellationToken)
    {
        // The first request of each (tenant, key) is the one the batch may acquire; later duplicates read the row.
        var first = new Dictionary<(string, string), int>(indices.Count);
        var order = new List<int>(indices.Count);
        foreach (var index in indices)
        {
            var request = requests[index];
            if (first.TryAdd((request.TenantId, request.Key.Value), index))
            {
                order.Add(index);
            }
        }

        // A fixed (ordinal) key order makes concurrent batches lock rows in the same order: no deadlock cycle.
        order.Sort((a, b) =>
        {
            var byTenant = string.CompareOrdinal(requests[a].TenantId, requests[b].TenantId);
            return byTenant != 0 ? byTenant : string.CompareOrdinal(requests[a].Key.Value, requests[b].Key.Value);
        });

        var now = PostgreSqlTime.Now(_timeProvider);
        var leaseExpiresAt = now + TimeSpan.FromMilliseconds((long)leaseDuration.TotalMilliseconds);
        var retentionMs = (long)retention.TotalMilliseconds;
        var tenants = new string[order.Count];
        var keys = new string[order.Count];
        var fingerprints = new string[order.Count];
        var tokens = new Guid[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            var request = requests[order[i]];
            tenants[i] = request.TenantId;
            keys[i] = request.Key.Value;
            fingerprints[i] = request.Fingerprint.Value;
            tokens[i] = Guid.CreateVersion7(now);
        }

        var rows = new Row[order.Count];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteBatchAsync(tenants, keys, fingerprints, tokens, now, leaseExpiresAt, retentionMs, rows, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (PostgresException ex) when (PostgreSqlErrors.IsRetryableConflict(ex) && attempt < PostgreSqlConstants.MaxDeadlockRetries)
            {
                // PostgreSQL rolled the whole batch back; nothing of it is visible. Run it again.
            }
        }

        var position = new Dictionary<(string, string), int>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            position[(tenants[i], keys[i])] = i;
        }

        var unsettled = new List<int>();
        foreach (var index in indices)
        {
            var request = requests[index];
            var i = position[(request.TenantId, request.Key.Value)];
            var row = rows[i];
            var isFirst = first[(request.TenantId, request.Key.Value)] == index;
            if (row.State is null)
            {
                unsettled.Add(index);
            }
            else if (isFirst && row.Mine)
            {
                results[index] = IdempotencyBeginResult.Acquired(new IdempotencyLease(request.TenantId, request.Key, tokens[i], leaseExpiresAt, row.Attempt));
            }
            else if (!string.Equals(row.Fingerprint, request.Fingerprint.Value, StringComparison.Ordinal))
            {
                results[index] = IdempotencyBeginResult.Conflict();
            }
            else if (row.State == IdempotencyState.Completed)
            {
                results[index] = IdempotencyBeginResult.Completed(row.Outcome!);
            }
            else if (row.State == IdempotencyState.Failed)
            {
                results[index] = IdempotencyBeginResult.Failed(row.Failure!);
            }
            else if (row.LeaseExpiresAt <= now && !row.Mine)
            {
                unsettled.Add(index);
            }
            else
            {
                results[index] = IdempotencyBeginResult.InProgress(row.LeaseExpiresAt);
            }
        }

        return unsettled;
    }

    private async ValueTask ExecuteBatchAsync(
        string[] tenants,
        string[] keys,
        string[] fingerprints,
        Guid[] tokens,
        DateTimeOffset now,
        DateTimeOffset leaseExpiresAt,
        long retentionMs,
        Row[] rows,
        CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Round trip 1: claim every new key.
            var inserted = new HashSet<Guid>();
            var insert = Command(connection, _sql.Insert, tenants, keys, fingerprints, tokens);
            await using (insert.ConfigureAwait(false))
            {
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("lease_expires_at", leaseExpiresAt));
                insert.Parameters.Add(new NpgsqlParameter<long>("retention_ms", retentionMs));
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("expires_at", now + TimeSpan.FromMilliseconds(retentionMs)));
                var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        inserted.Add(reader.GetGuid(0));
                    }
                }
            }

            var existing = new List<int>();
            for (var i = 0; i < tokens.Length; i++)
            {
                if (inserted.Contains(tokens[i]))
                {
                    rows[i] = new Row(Mine: true, fingerprints[i], IdempotencyState.InProgress, leaseExpiresAt, 1, null, null);
                }
                else
                {
                    existing.Add(i);
                }
            }

            if (existing.Count == 0)
            {
                return;
            }

            // Round trip 2, only for keys that already existed: take over expired leases, then read every such key.
            string[] Pick(string[] all) => [.. existing.Select(i => all[i])];
            var subTenants = Pick(tenants);
            var subKeys = Pick(keys);
            var subFingerprints = Pick(fingerprints);
            Guid[] subTokens = [.. existing.Select(i => tokens[i])];
            var batch = new NpgsqlBatch(connection);
            await using (batch.ConfigureAwait(false))
            {
                var takeOver = BatchCommand(_sql.TakeOver, subTenants, subKeys, subFingerprints, subTokens);
                takeOver.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("lease_expires_at", leaseExpiresAt));
                takeOver.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                batch.BatchCommands.Add(takeOver);
                batch.BatchCommands.Add(BatchCommand(_sql.Read, subTenants, subKeys, subFingerprints, subTokens));
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (reader.FieldCount == 0 && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                    {
                    }

                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var i = existing[(int)reader.GetInt64(0) - 1];
                        if (reader.IsDBNull(3))
                        {
                            rows[i] = default;
                            continue;
                        }

                        var state = ParseState(reader.GetString(3));
                        rows[i] = new Row(
                            !reader.IsDBNull(1) && reader.GetBoolean(1),
                            reader.GetString(2),
                            state,
                            reader.GetFieldValue<DateTimeOffset>(4),
                            reader.GetInt32(5),
                            state == IdempotencyState.Completed ? ReadOutcome(reader, 6) : null,
                            state == IdempotencyState.Failed ? new IdempotencyFailure(reader.GetString(9), reader.GetString(10)) : null);
                    }
                }
            }
        }
    }

    private async ValueTask UpdateHeldAsync(IdempotencyLease lease, string sql, Action<NpgsqlCommand, DateTimeOffset> bind, CancellationToken cancellationToken)
    {
        IdempotencyArguments.Lease(lease);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                var now = PostgreSqlTime.Now(_timeProvider);
                command.Parameters.Add(new NpgsqlParameter<string>("tenant", lease.TenantId));
                command.Parameters.Add(new NpgsqlParameter<string>("key", lease.Key.Value));
                command.Parameters.Add(new NpgsqlParameter<Guid>("token", lease.Token));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
                bind(command, now);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    throw new IdempotencyLeaseLostException(lease);
                }
            }
        }
    }

    /// <summary>One key as the batch read it back; <see cref="State"/> is <see langword="null"/> when the row is gone.</summary>
    private readonly record struct Row(
        bool Mine,
        string Fingerprint,
        IdempotencyState? State,
        DateTimeOffset LeaseExpiresAt,
        int Attempt,
        IdempotencyOutcome? Outcome,
        IdempotencyFailure? Failure);
}
