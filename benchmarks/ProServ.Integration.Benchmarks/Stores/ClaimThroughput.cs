using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using ProServ.Integration.Idempotency;
using ProServ.Integration.PostgreSql;
using ProServ.Integration.PostgreSql.Idempotency;
using ProServ.Integration.Sqlite;
using ProServ.Integration.Testing.PostgreSql;

namespace ProServ.Integration.Benchmarks.Stores;

/// <summary>
/// Measures idempotency claims per second (new keys, so every claim is Acquired) on SQLite and PostgreSQL with 1 and 8
/// concurrent workers, single and batched, each next to the naive baseline on the same engine in the same run: a raw
/// <c>INSERT … ON CONFLICT DO NOTHING</c> of the same row into a table of the same shape (one statement per key, or
/// one transaction/statement per batch). Prints a markdown table with the ratio store/raw. Best of three runs.
/// </summary>
internal static class ClaimThroughput
{
    private const int BatchSize = 250;
    private const int Runs = 3;
    private static readonly RequestFingerprint Fingerprint = RequestFingerprint.FromBytes("{\"hours\":7.5}"u8);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private static int _tenants;

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 1.0;
        var rows = new List<string>();
        await using var cluster = await TemporaryPostgreSqlCluster.StartAsync();
        // The stores keep no session state, so the pool need not reset connections (DISCARD ALL) between borrowers.
        await using var pg = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync("proserv_bench") + ";No Reset On Close=true");
        var pgStore = new PostgreSqlIdempotencyStore(new PostgreSqlStoreOptions { DataSource = pg });
        await pgStore.EnsureCreatedAsync();
        await using (var create = pg.CreateCommand("CREATE TABLE raw_claims (LIKE proserv.idempotency_keys INCLUDING ALL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var sqlitePath = Path.Combine(Path.GetTempPath(), $"proserv-bench-{Guid.NewGuid():N}.db");
        try
        {
            var sqliteOptions = new SqliteStoreOptions { ConnectionString = $"Data Source={sqlitePath}" };
            var sqliteStore = new SqliteIdempotencyStore(sqliteOptions);
            await sqliteStore.GetAsync("warm-up", IdempotencyKey.Create("k"), default);
            await using (var connection = await OpenSqliteAsync(sqlitePath))
            {
                using var create = connection.CreateCommand();
                create.CommandText = SqliteRawTable;
                await create.ExecuteNonQueryAsync();
            }

            foreach (var workers in new[] { 1, 8 })
            {
                rows.Add(await MeasureAsync("PostgreSQL", "single", workers, (int)(3000 * scale),
                    keys => Begin(pgStore, keys, batched: false), keys => RawPostgreSqlAsync(pg, keys, batched: false)));
                rows.Add(await MeasureAsync("PostgreSQL", $"batch of {BatchSize}", workers, (int)(40000 * scale),
                    keys => Begin(pgStore, keys, batched: true), keys => RawPostgreSqlAsync(pg, keys, batched: true)));
                rows.Add(await MeasureAsync("SQLite (durable)", "single", workers, (int)(1500 * scale),
                    keys => Begin(sqliteStore, keys, batched: false), keys => RawSqliteAsync(sqlitePath, keys, batched: false)));
                rows.Add(await MeasureAsync("SQLite (durable)", $"batch of {BatchSize}", workers, (int)(40000 * scale),
                    keys => Begin(sqliteStore, keys, batched: true), keys => RawSqliteAsync(sqlitePath, keys, batched: true)));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(sqlitePath + suffix);
            }
        }

        Console.WriteLine();
        Console.WriteLine("| engine | claims | workers | keys | store claims/s | raw INSERT … ON CONFLICT rows/s | store / raw |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        return 0;
    }

    private const string SqliteRawTable = """
        CREATE TABLE raw_claims (
            tenant_id TEXT NOT NULL, idempotency_key TEXT NOT NULL, fingerprint TEXT NOT NULL, state TEXT NOT NULL,
            lease_token TEXT NULL, lease_expires_at INTEGER NOT NULL, attempt INTEGER NOT NULL, outcome BLOB NULL,
            content_type TEXT NULL, status_code INTEGER NULL, error_code TEXT NULL, error_message TEXT NULL,
            retention_ms INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, idempotency_key));
        CREATE INDEX ix_raw_claims_expires_at ON raw_claims (expires_at);
        """;

    private static async Task<string> MeasureAsync(
        string engine,
        string mode,
        int workers,
        int keyCount,
        Func<IdempotencyBeginRequest[], Task> store,
        Func<IdempotencyBeginRequest[], Task> raw)
    {
        double bestStore = 0, bestRaw = 0;
        for (var run = 0; run < Runs; run++)
        {
            bestRaw = Math.Max(bestRaw, await RateAsync(workers, keyCount, raw));
            bestStore = Math.Max(bestStore, await RateAsync(workers, keyCount, store));
        }

        var row = string.Create(
            CultureInfo.InvariantCulture,
            $"| {engine} | {mode} | {workers} | {keyCount:N0} | {bestStore:N0} | {bestRaw:N0} | {bestStore / bestRaw:P0} |");
        Console.WriteLine(row);
        return row;
    }

    /// <summary>Splits fresh keys of a new tenant over the workers, runs them at once and returns claims per second.</summary>
    private static async Task<double> RateAsync(int workers, int keyCount, Func<IdempotencyBeginRequest[], Task> work)
    {
        var tenant = "bench-" + Interlocked.Increment(ref _tenants).ToString(CultureInfo.InvariantCulture);
        var perWorker = keyCount / workers;
        var slices = Enumerable.Range(0, workers)
            .Select(w => Enumerable.Range(w * perWorker, perWorker)
                .Select(i => new IdempotencyBeginRequest(tenant, IdempotencyKey.Derive(tenant, "billing.post-time-entry", i.ToString(CultureInfo.InvariantCulture), 1), Fingerprint))
                .ToArray())
            .ToArray();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(slices.Select(slice => Task.Run(() => work(slice))));
        stopwatch.Stop();
        return perWorker * workers / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task Begin(IIdempotencyStore store, IdempotencyBeginRequest[] keys, bool batched)
    {
        if (batched)
        {
            foreach (var chunk in keys.Chunk(BatchSize))
            {
                var results = await store.TryBeginManyAsync(chunk, Lease, Retention, default);
                if (results[0].Status != IdempotencyBeginStatus.Acquired)
                {
                    throw new InvalidOperationException("A new key was not acquired.");
                }
            }
        }
        else
        {
            foreach (var key in keys)
            {
                var result = await store.TryBeginAsync(key.TenantId, key.Key, key.Fingerprint, Lease, Retention, default);
                if (result.Status != IdempotencyBeginStatus.Acquired)
                {
                    throw new InvalidOperationException("A new key was not acquired.");
                }
            }
        }
    }

    private static async Task RawPostgreSqlAsync(NpgsqlDataSource dataSource, IdempotencyBeginRequest[] keys, bool batched)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
        if (batched)
        {
            foreach (var chunk in keys.Chunk(BatchSize))
            {
                await using var insert = new NpgsqlCommand(
                    """
                    INSERT INTO raw_claims (tenant_id, idempotency_key, fingerprint, state, lease_token, lease_expires_at, attempt, retention_ms, created_at, updated_at, expires_at)
                    SELECT t, k, f, 'in-progress', tok, $5, 1, $6, $7, $7, $8
                    FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS r(t, k, f, tok)
                    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
                    """,
                    connection);
                insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. chunk.Select(c => c.TenantId)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. chunk.Select(c => c.Key.Value)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. chunk.Select(c => c.Fingerprint.Value)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. chunk.Select(_ => Guid.CreateVersion7())], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
                AddTimes(insert, now);
                await insert.ExecuteNonQueryAsync();
            }
        }
        else
        {
            foreach (var key in keys)
            {
                await using var insert = new NpgsqlCommand(
                    """
                    INSERT INTO raw_claims (tenant_id, idempotency_key, fingerprint, state, lease_token, lease_expires_at, attempt, retention_ms, created_at, updated_at, expires_at)
                    VALUES ($1, $2, $3, 'in-progress', $4, $5, 1, $6, $7, $7, $8)
                    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
                    """,
                    connection);
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.TenantId });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Key.Value });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Fingerprint.Value });
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
                AddTimes(insert, now);
                await insert.ExecuteNonQueryAsync();
            }
        }
    }

    private static void AddTimes(NpgsqlCommand insert, DateTimeOffset now)
    {
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + Lease });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)Retention.TotalMilliseconds });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + Retention });
    }

    private static async Task RawSqliteAsync(string path, IdempotencyBeginRequest[] keys, bool batched)
    {
        await using var connection = await OpenSqliteAsync(path);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO raw_claims (tenant_id, idempotency_key, fingerprint, state, lease_token, lease_expires_at, attempt, retention_ms, created_at, updated_at, expires_at)
            VALUES ($tenant, $key, $fingerprint, 'in-progress', $token, $lease, 1, $retention, $now, $now, $expires)
            ON CONFLICT (tenant_id, idempotency_key) DO NOTHING;
            """;
        var tenant = insert.Parameters.Add("$tenant", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var fingerprint = insert.Parameters.Add("$fingerprint", SqliteType.Text);
        var token = insert.Parameters.Add("$token", SqliteType.Text);
        insert.Parameters.AddWithValue("$lease", now + (long)Lease.TotalMilliseconds);
        insert.Parameters.AddWithValue("$retention", (long)Retention.TotalMilliseconds);
        insert.Parameters.AddWithValue("$now", now);
        insert.Parameters.AddWithValue("$expires", now + (long)Retention.TotalMilliseconds);
        insert.Prepare();
        foreach (var chunk in keys.Chunk(batched ? BatchSize : 1))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            foreach (var request in chunk)
            {
                tenant.Value = request.TenantId;
                key.Value = request.Key.Value;
                fingerprint.Value = request.Fingerprint.Value;
                token.Value = Guid.CreateVersion7().ToString("D");
                await insert.ExecuteNonQueryAsync();
            }

            transaction.Commit();
        }
    }

    private static async Task<SqliteConnection> OpenSqliteAsync(string path)
    {
        // The same settings the store uses: WAL, durable commits, a 5 s busy timeout.
        var connection = new SqliteConnection($"Data Source={path};Pooling=true");
        await connection.OpenAsync();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;";
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }
}
