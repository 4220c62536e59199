using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Testing;

namespace ProServ.Integration.Sqlite.Tests.Idempotency;

/// <summary>
/// Issue 4 §7: a worker killed while it holds a lease is taken over after expiry and the operation completes exactly once.
/// The worker is a real separate process (ProServ.Integration.LeaseWorker) on a real SQLite file; the takeover side runs on
/// a manual clock that starts at the real time, so the lease "expires" when the test moves that clock, without waiting.
/// </summary>
public sealed class KilledLeaseHolderTests : IDisposable
{
    private const string Tenant = "t-acme";
    private const string Request = "{\"timeEntry\":\"te-42\",\"hours\":7.5}";
    private static readonly TimeSpan WorkerLease = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(2);
    private static readonly JsonTypeInfo<long> LongType = (JsonTypeInfo<long>)JsonSerializerOptions.Default.GetTypeInfo(typeof(long));

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"proserv-killed-lease-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_path}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public async Task KilledLeaseHolder_AfterExpiry_TakenOverAndCompletedExactlyOnce()
    {
        await CreateSideEffectTableAsync();
        var key = IdempotencyKey.Derive(Tenant, "billing.post-time-entry", "te-42", 1);

        await RunWorkerUntilKilledAsync(key);

        var time = new ManualTimeProvider(TimeProvider.System.GetUtcNow());
        var store = new SqliteIdempotencyStore(new SqliteStoreOptions { ConnectionString = ConnectionString }, time);
        var held = await store.GetAsync(Tenant, key, default);
        Assert.NotNull(held);
        Assert.Equal(IdempotencyState.InProgress, held.State);
        Assert.Equal(1, held.Attempt);
        Assert.True(held.LeaseExpiresAt > time.GetUtcNow());

        // Before expiry: the dead worker's lease still holds; a second caller must not run the operation.
        var executor = new IdempotentExecutor(store, Options.Create(new IdempotencyOptions { LeaseDuration = TimeSpan.FromMinutes(1) }), time);
        var early = await Assert.ThrowsAsync<IdempotencyInProgressException>(async () => await PostAsync(executor, key));
        Assert.Equal(IdempotencyErrorCodes.InProgress, early.ErrorCode);
        Assert.Equal(0, await CountSideEffectsAsync());

        // After expiry: four callers race; exactly one takes the key over and runs the side effect.
        time.SetUtcNow(held.LeaseExpiresAt);
        var racers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await PostAsync(executor, key);
            }
            catch (IdempotencyInProgressException)
            {
                return (IdempotentResult<long>?)null;
            }
        })));

        var winner = Assert.Single(racers, r => r is { IsReplay: false });
        Assert.All(racers, r => Assert.True(r is null || r.Value.Value == winner!.Value.Value));
        var completed = await store.GetAsync(Tenant, key, default);
        Assert.Equal(IdempotencyState.Completed, completed!.State);
        Assert.Equal(2, completed.Attempt);

        var replay = await PostAsync(executor, key);
        Assert.True(replay.IsReplay);
        Assert.Equal(winner!.Value.Value, replay.Value);
        Assert.Equal(1, await CountSideEffectsAsync());
    }

    private static string WorkerPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ProServ.Integration.LeaseWorker.dll");
        Assert.True(File.Exists(path), $"The lease worker was not built next to the tests: {path}");
        return path;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private async Task RunWorkerUntilKilledAsync(IdempotencyKey key)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerPath());
        start.ArgumentList.Add(_path);
        start.ArgumentList.Add(Tenant);
        start.ArgumentList.Add(key.Value);
        start.ArgumentList.Add(Request);
        start.ArgumentList.Add(((long)WorkerLease.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));

        using var worker = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(StartupTimeout);
            string? line;
            do
            {
                line = await worker.StandardOutput.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !string.Equals(line, "lease acquired", StringComparison.Ordinal));

            if (line is null)
            {
                Assert.Fail("The worker exited without acquiring the lease: " + await worker.StandardError.ReadToEndAsync(timeout.Token));
            }
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            using var exit = new CancellationTokenSource(StartupTimeout);
            await worker.WaitForExitAsync(exit.Token);
        }

        Assert.True(worker.HasExited);
        Assert.NotEqual(0, worker.ExitCode);
    }

    private async Task<IdempotentResult<long>> PostAsync(IdempotentExecutor executor, IdempotencyKey key) =>
        await executor.ExecuteOnceAsync(
            Tenant,
            "billing.post-time-entry",
            key,
            RequestFingerprint.FromBytes(Encoding.UTF8.GetBytes(Request)),
            async ct =>
            {
                await using var connection = new SqliteConnection(ConnectionString);
                await connection.OpenAsync(ct);
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout = 5000; INSERT INTO side_effects (operation_key) VALUES ($key) RETURNING id;";
                command.Parameters.AddWithValue("$key", key.Value);
                return (long)(await command.ExecuteScalarAsync(ct))!;
            },
            LongType,
            CancellationToken.None);

    private async Task CreateSideEffectTableAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE side_effects (id INTEGER PRIMARY KEY AUTOINCREMENT, operation_key TEXT NOT NULL);";
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountSideEffectsAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM side_effects;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
