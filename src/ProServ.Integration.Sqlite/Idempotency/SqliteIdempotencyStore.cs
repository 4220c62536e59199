using Microsoft.Data.Sqlite;
using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Sqlite;

/// <summary>Keeps idempotency keys durably in a SQLite database (table <c>proserv_idempotency_keys</c>).</summary>
/// <remarks>
/// <para>Begin runs in one <c>BEGIN IMMEDIATE</c> transaction: <c>INSERT … ON CONFLICT DO NOTHING</c>, then (when the key exists) a read of
/// the row and, if its lease has ended, the conditional takeover <c>UPDATE … WHERE lease_expires_at &lt;= now</c>; SQLite's single writer lock makes
/// each begin atomic across connections and processes. <see cref="TryBeginManyAsync"/> does the same for many keys in one
/// transaction, one durable commit. Completing, failing and renewing are single conditional <c>UPDATE</c>s on the lease token.</para>
/// <para>Times are Unix milliseconds from the injected <see cref="TimeProvider"/>. Thread-safe; share one instance per database.</para>
/// </remarks>
public sealed class SqliteIdempotencyStore : IIdempotencyStore
{
    private const string InProgressState = "in-progress";
    private const string CompletedState = "completed";
    private const int MaxTenantIdLength = 255;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="SqliteIdempotencyStore"/> class.</summary>
    /// <param name="options">The database options.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public SqliteIdempotencyStore(SqliteStoreOptions options, TimeProvider? timeProvider = null)
        : this(new SqliteDatabase(options), timeProvider ?? TimeProvider.System)
    {
    }

    internal SqliteIdempotencyStore(SqliteDatabase database, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _database = database;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    public async ValueTask<IdempotencyBeginResult> TryBeginAsync(string tenantId, IdempotencyKey key, RequestFingerprint fingerprint, TimeSpan leaseDuration, TimeSpan retention, CancellationToken cancellationToken)
    {
        var results = await TryBeginManyAsync([new IdempotencyBeginRequest(tenantId, key, fingerprint)], leaseDuration, retention, cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<IdempotencyBeginResult>> TryBeginManyAsync(IReadOnlyList<IdempotencyBeginRequest> requests, TimeSpan leaseDuration, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        CheckPositive(leaseDuration, nameof(leaseDuration));
        CheckPositive(retention, nameof(retention));
        for (var i = 0; i < requests.Count; i++)
        {
            CheckRequest(requests[i], nameof(requests));
        }

        var results = new IdempotencyBeginResult[requests.Count];
        if (requests.Count == 0)
        {
            return results;
        }

        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
                var leaseExpiresAt = now + (long)leaseDuration.TotalMilliseconds;
                using var insert = Command(connection, transaction, SqliteIdempotencySchema.Insert, "@tenant", "@key", "@fingerprint", "@token", "@lease_expires_at", "@retention_ms", "@now");
                using var takeOver = Command(connection, transaction, SqliteIdempotencySchema.TakeOver, "@tenant", "@key", "@fingerprint", "@token", "@lease_expires_at", "@now");
                using var select = Command(connection, transaction, SqliteIdempotencySchema.Select, "@tenant", "@key");
                insert.Parameters["@retention_ms"].Value = (long)retention.TotalMilliseconds;
                insert.Parameters["@now"].Value = now;
                insert.Parameters["@lease_expires_at"].Value = leaseExpiresAt;
                takeOver.Parameters["@now"].Value = now;
                takeOver.Parameters["@lease_expires_at"].Value = leaseExpiresAt;

                for (var i = 0; i < requests.Count; i++)
                {
                    var request = requests[i];
                    var token = Guid.CreateVersion7(_timeProvider.GetUtcNow());
                    var tokenText = token.ToString("D");
                    SetIdentity(insert, request);
                    insert.Parameters["@fingerprint"].Value = request.Fingerprint.Value;
                    insert.Parameters["@token"].Value = tokenText;
                    if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                    {
                        results[i] = IdempotencyBeginResult.Acquired(new IdempotencyLease(request.TenantId, request.Key, token, FromUnix(leaseExpiresAt), 1));
                        continue;
                    }

                    SetIdentity(select, request);
                    var record = await ReadAsync(select, request.TenantId, request.Key, cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The idempotency row vanished inside its transaction.");
                    if (record.State == IdempotencyState.InProgress
                        && record.Fingerprint == request.Fingerprint
                        && record.LeaseExpiresAt.ToUnixTimeMilliseconds() <= now)
                    {
                        // The holder's lease has ended: take the key over. The WHERE clause repeats the condition, so the
                        // update is correct even without the transaction's write lock.
                        SetIdentity(takeOver, request);
                        takeOver.Parameters["@fingerprint"].Value = request.Fingerprint.Value;
                        takeOver.Parameters["@token"].Value = tokenText;
                        if (await takeOver.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long attempt)
                        {
                            results[i] = IdempotencyBeginResult.Acquired(new IdempotencyLease(request.TenantId, request.Key, token, FromUnix(leaseExpiresAt), checked((int)attempt)));
                            continue;
                        }
                    }

                    results[i] = Classify(record, request.Fingerprint);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return results;
    }

    /// <inheritdoc/>
    public async ValueTask CompleteAsync(IdempotencyLease lease, IdempotencyOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await UpdateHeldAsync(lease, SqliteIdempotencySchema.Complete, command =>
        {
            command.Parameters.AddWithValue("@outcome", outcome.Content.ToArray());
            command.Parameters.AddWithValue("@content_type", outcome.ContentType);
            command.Parameters.AddWithValue("@status_code", outcome.StatusCode);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask FailAsync(IdempotencyLease lease, bool permanent, IdempotencyFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (permanent)
        {
            await UpdateHeldAsync(lease, SqliteIdempotencySchema.FailPermanently, command =>
            {
                command.Parameters.AddWithValue("@error_code", failure.ErrorCode);
                command.Parameters.AddWithValue("@error_message", failure.Message);
            }, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await UpdateHeldAsync(lease, SqliteIdempotencySchema.Release, static _ => { }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<IdempotencyLease> RenewLeaseAsync(IdempotencyLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        CheckPositive(leaseDuration, nameof(leaseDuration));
        var expiresAt = 0L;
        await UpdateHeldAsync(lease, SqliteIdempotencySchema.Renew, command =>
        {
            expiresAt = (long)command.Parameters["@now"].Value! + (long)leaseDuration.TotalMilliseconds;
            command.Parameters.AddWithValue("@lease_expires_at", expiresAt);
        }, cancellationToken).ConfigureAwait(false);
        return lease with { ExpiresAt = FromUnix(expiresAt) };
    }

    /// <inheritdoc/>
    public async ValueTask<IdempotencyRecord?> GetAsync(string tenantId, IdempotencyKey key, CancellationToken cancellationToken)
    {
        CheckTenant(tenantId, nameof(tenantId));
        CheckKey(key, nameof(key));
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var select = Command(connection, null, SqliteIdempotencySchema.Select, "@tenant", "@key");
            select.Parameters["@tenant"].Value = tenantId;
            select.Parameters["@key"].Value = key.Value;
            return await ReadAsync(select, tenantId, key, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<int> PurgeExpiredAsync(int maxBatch, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var purge = Command(connection, null, SqliteIdempotencySchema.Purge, "@now", "@max_batch");
            purge.Parameters["@now"].Value = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            purge.Parameters["@max_batch"].Value = maxBatch;
            return await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static IdempotencyBeginResult Classify(IdempotencyRecord record, RequestFingerprint fingerprint)
    {
        if (record.Fingerprint != fingerprint)
        {
            return IdempotencyBeginResult.Conflict();
        }

        return record.State switch
        {
            IdempotencyState.Completed => IdempotencyBeginResult.Completed(record.Outcome!),
            IdempotencyState.Failed => IdempotencyBeginResult.Failed(record.Failure!),
            _ => IdempotencyBeginResult.InProgress(record.LeaseExpiresAt),
        };
    }

    private static async ValueTask<IdempotencyRecord?> ReadAsync(SqliteCommand select, string tenantId, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var state = reader.GetString(1) switch
            {
                InProgressState => IdempotencyState.InProgress,
                CompletedState => IdempotencyState.Completed,
                _ => IdempotencyState.Failed,
            };
            return new IdempotencyRecord
            {
                TenantId = tenantId,
                Key = key,
                Fingerprint = RequestFingerprint.Parse(reader.GetString(0)),
                State = state,
                LeaseExpiresAt = FromUnix(reader.GetInt64(2)),
                Attempt = reader.GetInt32(3),
                Outcome = state == IdempotencyState.Completed
                    ? new IdempotencyOutcome(reader.IsDBNull(4) ? [] : (byte[])reader.GetValue(4), reader.GetString(5), reader.GetInt32(6))
                    : null,
                Failure = state == IdempotencyState.Failed ? new IdempotencyFailure(reader.GetString(7), reader.GetString(8)) : null,
                CreatedAt = FromUnix(reader.GetInt64(9)),
                UpdatedAt = FromUnix(reader.GetInt64(10)),
                ExpiresAt = FromUnix(reader.GetInt64(11)),
            };
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<string> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private static void SetIdentity(SqliteCommand command, IdempotencyBeginRequest request)
    {
        command.Parameters["@tenant"].Value = request.TenantId;
        command.Parameters["@key"].Value = request.Key.Value;
    }

    private static DateTimeOffset FromUnix(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private static void CheckPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "The duration must be positive.");
        }
    }

    private static void CheckKey(IdempotencyKey key, string name)
    {
        if (key.Value is null)
        {
            throw new ArgumentException("The idempotency key is default; create it with IdempotencyKey.Create or Derive.", name);
        }
    }

    private static void CheckTenant(string? tenantId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId, name);
        if (tenantId.Length > MaxTenantIdLength)
        {
            throw new ArgumentOutOfRangeException(name, tenantId.Length, "A tenant id is at most 255 characters long.");
        }
    }

    private static void CheckRequest(IdempotencyBeginRequest request, string name)
    {
        CheckTenant(request.TenantId, name);
        CheckKey(request.Key, name);
        if (request.Fingerprint.Value is null)
        {
            throw new ArgumentException("The request fingerprint is default; compute it with RequestFingerprint.FromBytes or FromJson.", name);
        }
    }

    private static void CheckLease(IdempotencyLease lease)
    {
        if (lease.TenantId is null || lease.Key.Value is null || lease.Token == Guid.Empty)
        {
            throw new ArgumentException("The lease is default; use the lease of an Acquired result.", nameof(lease));
        }
    }

    private async ValueTask<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _database.EnsureCreatedAsync(SqliteIdempotencySchema.Feature, SqliteIdempotencySchema.Ddl, cancellationToken).ConfigureAwait(false);
        return await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask UpdateHeldAsync(IdempotencyLease lease, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        CheckLease(lease);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, null, sql, "@tenant", "@key", "@token", "@now");
            command.Parameters["@tenant"].Value = lease.TenantId;
            command.Parameters["@key"].Value = lease.Key.Value;
            command.Parameters["@token"].Value = lease.Token.ToString("D");
            command.Parameters["@now"].Value = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            bind(command);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new IdempotencyLeaseLostException(lease);
            }
        }
    }
}
