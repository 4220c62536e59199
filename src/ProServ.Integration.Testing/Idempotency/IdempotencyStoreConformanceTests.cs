using System.Collections.Concurrent;
using ProServ.Integration.Idempotency;
using Xunit;

// Test code shipped in a library: the same relaxations as eng/test.props (Method_Scenario_Expected names, awaits in test methods).
#pragma warning disable CA1707, CA2007, MA0004

namespace ProServ.Integration.Testing.Idempotency;

/// <summary>Proves that an <see cref="IIdempotencyStore"/> keeps the rules of the contract; inherit it in a test project and implement <see cref="CreateStoreAsync"/>.</summary>
/// <remarks>
/// Every test creates its own store through <see cref="CreateStoreAsync"/> with a <see cref="ManualTimeProvider"/> and uses
/// its own tenant, so stores that share a database between tests still pass. The race test uses
/// <see cref="RaceKeyCount"/> keys (10 000 unless the derived class passes another number to the constructor).
/// </remarks>
public abstract class IdempotencyStoreConformanceTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private static readonly RequestFingerprint RequestA = RequestFingerprint.FromBytes("{\"hours\":7.5}"u8);
    private static readonly RequestFingerprint RequestB = RequestFingerprint.FromBytes("{\"hours\":8}"u8);

    /// <summary>Initializes a new instance of the <see cref="IdempotencyStoreConformanceTests"/> class.</summary>
    /// <param name="raceKeyCount">The number of keys eight workers race on; the issue asks for 10 000.</param>
    protected IdempotencyStoreConformanceTests(int raceKeyCount = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(raceKeyCount);
        RaceKeyCount = raceKeyCount;
    }

    /// <summary>Gets the number of keys the concurrent-workers test races on.</summary>
    protected int RaceKeyCount { get; }

    /// <summary>Checks that the first caller of a new key acquires it with attempt 1 and a lease of the asked length.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBegin_NewKey_Acquired()
    {
        var (store, time) = await NewAsync();
        var result = await store.TryBeginAsync("t-new", Key("k1"), RequestA, Lease, Retention, default);

        Assert.Equal(IdempotencyBeginStatus.Acquired, result.Status);
        Assert.Equal(1, result.Lease.Attempt);
        Assert.NotEqual(Guid.Empty, result.Lease.Token);
        Assert.Equal(time.GetUtcNow() + Lease, result.Lease.ExpiresAt);
        Assert.Equal("k1", result.Lease.Key.Value);
    }

    /// <summary>Checks that a second caller sees the first caller's live lease and when it ends.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBegin_WhileLeaseLive_InProgress()
    {
        var (store, time) = await NewAsync();
        var first = await store.TryBeginAsync("t-live", Key("k1"), RequestA, Lease, Retention, default);
        time.Advance(Lease - TimeSpan.FromMilliseconds(1));

        var second = await store.TryBeginAsync("t-live", Key("k1"), RequestA, Lease, Retention, default);

        Assert.Equal(IdempotencyBeginStatus.InProgress, second.Status);
        Assert.Equal(first.Lease.ExpiresAt, second.LeaseExpiresAt);
    }

    /// <summary>Checks that keys are scoped by tenant.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBegin_SameKeyOtherTenant_Acquired()
    {
        var (store, _) = await NewAsync();
        await store.TryBeginAsync("t-scope-1", Key("shared"), RequestA, Lease, Retention, default);

        var other = await store.TryBeginAsync("t-scope-2", Key("shared"), RequestB, Lease, Retention, default);

        Assert.Equal(IdempotencyBeginStatus.Acquired, other.Status);
    }

    /// <summary>Checks that a completed key returns the stored outcome, byte for byte, to every later caller.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBegin_AfterComplete_ReturnsStoredOutcome()
    {
        var (store, time) = await NewAsync();
        var begun = await store.TryBeginAsync("t-done", Key("k1"), RequestA, Lease, Retention, default);
        await store.CompleteAsync(begun.Lease, new IdempotencyOutcome("{\"invoice\":\"INV-1\"}"u8, "application/json", 201), default);
        time.Advance(Lease * 3);

        for (var i = 0; i < 2; i++)
        {
            var replay = await store.TryBeginAsync("t-done", Key("k1"), RequestA, Lease, Retention, default);
            Assert.Equal(IdempotencyBeginStatus.Completed, replay.Status);
            Assert.Equal("{\"invoice\":\"INV-1\"}"u8.ToArray(), replay.Outcome!.Content.ToArray());
            Assert.Equal("application/json", replay.Outcome.ContentType);
            Assert.Equal(201, replay.Outcome.StatusCode);
        }

        var record = await store.GetAsync("t-done", Key("k1"), default);
        Assert.Equal(IdempotencyState.Completed, record!.State);
        Assert.Equal(1, record.Attempt);
    }

    /// <summary>Checks that a key reused with a different fingerprint is a conflict in every state, never a replay.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBegin_DifferentFingerprint_Conflict()
    {
        var (store, time) = await NewAsync();
        var begun = await store.TryBeginAsync("t-conflict", Key("k1"), RequestA, Lease, Retention, default);

        var whileInProgress = await store.TryBeginAsync("t-conflict", Key("k1"), RequestB, Lease, Retention, default);
        time.Advance(Lease * 2);
        var afterExpiry = await store.TryBeginAsync("t-conflict", Key("k1"), RequestB, Lease, Retention, default);
        var retaken = await store.TryBeginAsync("t-conflict", Key("k1"), RequestA, Lease, Retention, default);
        await store.CompleteAsync(retaken.Lease, new IdempotencyOutcome([1], "application/octet-stream"), default);
        var afterComplete = await store.TryBeginAsync("t-conflict", Key("k1"), RequestB, Lease, Retention, default);

        Assert.Equal(IdempotencyBeginStatus.Acquired, begun.Status);
        Assert.Equal(IdempotencyBeginStatus.Conflict, whileInProgress.Status);
        Assert.Equal(IdempotencyBeginStatus.Conflict, afterExpiry.Status);
        Assert.Equal(IdempotencyBeginStatus.Conflict, afterComplete.Status);
        Assert.Null(afterComplete.Outcome);
    }

    /// <summary>Checks that of many concurrent callers exactly one takes over an expired lease, with a new token and attempt 2.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBegin_ExpiredLease_TakenOverByExactlyOneConcurrentCaller()
    {
        var (store, time) = await NewAsync();
        var first = await store.TryBeginAsync("t-takeover", Key("k1"), RequestA, Lease, Retention, default);
        time.Advance(Lease);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(
            async () => await store.TryBeginAsync("t-takeover", Key("k1"), RequestA, Lease, Retention, default))));

        var acquired = Assert.Single(results, r => r.Status == IdempotencyBeginStatus.Acquired);
        Assert.All(results.Where(r => r != acquired), r => Assert.Equal(IdempotencyBeginStatus.InProgress, r.Status));
        Assert.NotEqual(first.Lease.Token, acquired.Lease.Token);
        Assert.Equal(2, acquired.Lease.Attempt);
        Assert.Equal(time.GetUtcNow() + Lease, acquired.Lease.ExpiresAt);
    }

    /// <summary>Checks that the old holder's lease is rejected for complete, fail and renew after a takeover, and that the new holder's works.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task StaleLease_AfterTakeover_RejectedAsLeaseLost()
    {
        var (store, time) = await NewAsync();
        var stale = (await store.TryBeginAsync("t-stale", Key("k1"), RequestA, Lease, Retention, default)).Lease;
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        var fresh = (await store.TryBeginAsync("t-stale", Key("k1"), RequestA, Lease, Retention, default)).Lease;

        var onComplete = await Assert.ThrowsAsync<IdempotencyLeaseLostException>(
            async () => await store.CompleteAsync(stale, new IdempotencyOutcome([1], "application/octet-stream"), default));
        await Assert.ThrowsAsync<IdempotencyLeaseLostException>(
            async () => await store.FailAsync(stale, permanent: true, new IdempotencyFailure("x.y", "no"), default));
        await Assert.ThrowsAsync<IdempotencyLeaseLostException>(
            async () => await store.RenewLeaseAsync(stale, Lease, default));
        await store.CompleteAsync(fresh, new IdempotencyOutcome([2], "application/octet-stream"), default);

        Assert.Equal(IdempotencyErrorCodes.LeaseLost, onComplete.ErrorCode);
        Assert.False(onComplete.IsTransient);
        var replay = await store.TryBeginAsync("t-stale", Key("k1"), RequestA, Lease, Retention, default);
        Assert.Equal(new byte[] { 2 }, replay.Outcome!.Content.ToArray());
    }

    /// <summary>Checks that a lease cannot complete twice.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Complete_Twice_SecondRejectedAsLeaseLost()
    {
        var (store, _) = await NewAsync();
        var lease = (await store.TryBeginAsync("t-twice", Key("k1"), RequestA, Lease, Retention, default)).Lease;
        await store.CompleteAsync(lease, new IdempotencyOutcome([1], "application/octet-stream"), default);

        await Assert.ThrowsAsync<IdempotencyLeaseLostException>(
            async () => await store.CompleteAsync(lease, new IdempotencyOutcome([2], "application/octet-stream"), default));
    }

    /// <summary>Checks that a renewed lease keeps other callers out past its original expiry.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task RenewLease_LiveLease_ExtendsExpiry()
    {
        var (store, time) = await NewAsync();
        var lease = (await store.TryBeginAsync("t-renew", Key("k1"), RequestA, Lease, Retention, default)).Lease;
        time.Advance(TimeSpan.FromSeconds(20));

        var renewed = await store.RenewLeaseAsync(lease, Lease, default);
        time.Advance(TimeSpan.FromSeconds(20));
        var other = await store.TryBeginAsync("t-renew", Key("k1"), RequestA, Lease, Retention, default);

        Assert.Equal(lease.Token, renewed.Token);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromSeconds(20) + Lease, renewed.ExpiresAt);
        Assert.Equal(IdempotencyBeginStatus.InProgress, other.Status);
        Assert.Equal(renewed.ExpiresAt, other.LeaseExpiresAt);
    }

    /// <summary>Checks that a permanent failure is stored and replayed, and the operation is not offered again.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Fail_Permanent_StoredAndReplayed()
    {
        var (store, time) = await NewAsync();
        var lease = (await store.TryBeginAsync("t-fail", Key("k1"), RequestA, Lease, Retention, default)).Lease;
        await store.FailAsync(lease, permanent: true, new IdempotencyFailure("erp.rejected", "Closed period."), default);
        time.Advance(Lease * 2);

        var replay = await store.TryBeginAsync("t-fail", Key("k1"), RequestA, Lease, Retention, default);

        Assert.Equal(IdempotencyBeginStatus.Failed, replay.Status);
        Assert.Equal("erp.rejected", replay.Failure!.ErrorCode);
        Assert.Equal("Closed period.", replay.Failure.Message);
        Assert.Equal(IdempotencyState.Failed, (await store.GetAsync("t-fail", Key("k1"), default))!.State);
    }

    /// <summary>Checks that a transient failure releases the key at once: the next caller acquires with attempt 2.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Fail_Transient_ReleasesLease()
    {
        var (store, _) = await NewAsync();
        var lease = (await store.TryBeginAsync("t-transient", Key("k1"), RequestA, Lease, Retention, default)).Lease;
        await store.FailAsync(lease, permanent: false, new IdempotencyFailure("http.timeout", "Timed out."), default);

        var retry = await store.TryBeginAsync("t-transient", Key("k1"), RequestA, Lease, Retention, default);

        Assert.Equal(IdempotencyBeginStatus.Acquired, retry.Status);
        Assert.Equal(2, retry.Lease.Attempt);
        Assert.NotEqual(lease.Token, retry.Lease.Token);
        await Assert.ThrowsAsync<IdempotencyLeaseLostException>(
            async () => await store.CompleteAsync(lease, new IdempotencyOutcome([1], "application/octet-stream"), default));
    }

    /// <summary>Checks that purge deletes only keys whose retention ended, never a live lease, and at most the batch bound per call.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task PurgeExpired_RemovesOnlyExpired_InBoundedBatches()
    {
        var (store, time) = await NewAsync();
        var shortRetention = TimeSpan.FromHours(1);
        for (var i = 0; i < 5; i++)
        {
            var lease = (await store.TryBeginAsync("t-purge", Key($"old-{i}"), RequestA, Lease, shortRetention, default)).Lease;
            if (i % 2 == 0)
            {
                await store.CompleteAsync(lease, new IdempotencyOutcome([1], "application/octet-stream"), default);
            }
            else
            {
                await store.FailAsync(lease, permanent: true, new IdempotencyFailure("x.y", "no"), default);
            }
        }

        var kept = (await store.TryBeginAsync("t-purge", Key("kept"), RequestA, Lease, Retention, default)).Lease;
        await store.CompleteAsync(kept, new IdempotencyOutcome([1], "application/octet-stream"), default);
        time.Advance(shortRetention);
        var live = await store.TryBeginAsync("t-purge", Key("live"), RequestA, Lease, TimeSpan.FromMinutes(1), default);

        Assert.Equal(2, await store.PurgeExpiredAsync(2, default));
        Assert.Equal(2, await store.PurgeExpiredAsync(2, default));
        Assert.Equal(1, await store.PurgeExpiredAsync(2, default));
        Assert.Equal(0, await store.PurgeExpiredAsync(2, default));

        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await store.GetAsync("t-purge", Key($"old-{i}"), default));
        }

        Assert.NotNull(await store.GetAsync("t-purge", Key("kept"), default));
        Assert.Equal(IdempotencyBeginStatus.Acquired, live.Status);
        Assert.NotNull(await store.GetAsync("t-purge", Key("live"), default));
    }

    /// <summary>Checks that a purged key can be used again as new.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task PurgeExpired_ThenBegin_AcquiredAsNew()
    {
        var (store, time) = await NewAsync();
        var lease = (await store.TryBeginAsync("t-reuse", Key("k1"), RequestA, Lease, TimeSpan.FromHours(1), default)).Lease;
        await store.CompleteAsync(lease, new IdempotencyOutcome([1], "application/octet-stream"), default);
        time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, await store.PurgeExpiredAsync(100, default));
        var again = await store.TryBeginAsync("t-reuse", Key("k1"), RequestB, Lease, Retention, default);

        Assert.Equal(IdempotencyBeginStatus.Acquired, again.Status);
        Assert.Equal(1, again.Lease.Attempt);
    }

    /// <summary>Checks that a batched begin answers exactly as the same begins one by one, including a key named twice.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBeginMany_MixedStates_EqualsSingleBegins()
    {
        var (store, time) = await NewAsync();
        foreach (var tenant in new[] { "t-batch", "t-single" })
        {
            await store.TryBeginAsync(tenant, Key("in-progress"), RequestA, Lease, Retention, default);
            var completed = (await store.TryBeginAsync(tenant, Key("completed"), RequestA, Lease, Retention, default)).Lease;
            await store.CompleteAsync(completed, new IdempotencyOutcome([7], "application/octet-stream", 200), default);
            var failed = (await store.TryBeginAsync(tenant, Key("failed"), RequestA, TimeSpan.FromHours(1), Retention, default)).Lease;
            await store.FailAsync(failed, permanent: true, new IdempotencyFailure("x.y", "no"), default);
            await store.TryBeginAsync(tenant, Key("expired"), RequestA, TimeSpan.FromSeconds(1), Retention, default);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        string[] keys = ["new", "in-progress", "completed", "failed", "expired", "new", "conflict"];
        var batch = await store.TryBeginManyAsync(
            keys.Select(k => new IdempotencyBeginRequest("t-batch", Key(k == "conflict" ? "completed" : k), k == "conflict" ? RequestB : RequestA)).ToArray(),
            Lease,
            Retention,
            default);
        var singles = new List<IdempotencyBeginResult>();
        foreach (var k in keys)
        {
            singles.Add(await store.TryBeginAsync("t-single", Key(k == "conflict" ? "completed" : k), k == "conflict" ? RequestB : RequestA, Lease, Retention, default));
        }

        Assert.Equal(keys.Length, batch.Count);
        Assert.Equal(
            [IdempotencyBeginStatus.Acquired, IdempotencyBeginStatus.InProgress, IdempotencyBeginStatus.Completed, IdempotencyBeginStatus.Failed,
             IdempotencyBeginStatus.Acquired, IdempotencyBeginStatus.InProgress, IdempotencyBeginStatus.Conflict],
            batch.Select(r => r.Status));
        Assert.Equal(singles.Select(Describe).ToArray(), batch.Select(Describe).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Checks that an empty batch returns an empty answer.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBeginMany_Empty_ReturnsEmpty()
    {
        var (store, _) = await NewAsync();
        Assert.Empty(await store.TryBeginManyAsync([], Lease, Retention, default));
    }

    /// <summary>Checks that invalid arguments are rejected before the store is touched.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBegin_InvalidArguments_Throw()
    {
        var (store, _) = await NewAsync();
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.TryBeginAsync("t", default, RequestA, Lease, Retention, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.TryBeginAsync("t", Key("k"), default, Lease, Retention, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.TryBeginAsync(" ", Key("k"), RequestA, Lease, Retention, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.TryBeginAsync(new string('t', 256), Key("k"), RequestA, Lease, Retention, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.TryBeginAsync("t", Key("k"), RequestA, TimeSpan.Zero, Retention, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.CompleteAsync(default, new IdempotencyOutcome([], "a/b"), default));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.PurgeExpiredAsync(0, default));
    }

    /// <summary>Checks that eight workers racing on the same keys in batches, in different orders, get exactly one acquisition per key.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBeginMany_EightWorkersRacing_ExactlyOneAcquiredPerKey()
    {
        const int Workers = 8;
        const int BatchSize = 250;
        var (store, _) = await NewAsync();
        var keys = Enumerable.Range(0, RaceKeyCount).Select(i => Key($"race-{i:D6}")).ToArray();
        var acquired = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var answered = 0;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            // Each worker walks the keys from a different starting point and direction, so batches overlap.
            var order = Enumerable.Range(0, keys.Length).Select(i => (i + (worker * keys.Length / Workers)) % keys.Length);
            if (worker % 2 == 1)
            {
                order = order.Reverse();
            }

            foreach (var chunk in order.Chunk(BatchSize))
            {
                var results = await store.TryBeginManyAsync(
                    chunk.Select(i => new IdempotencyBeginRequest("t-race", keys[i], RequestA)).ToArray(), Lease, Retention, default);
                for (var i = 0; i < results.Count; i++)
                {
                    Interlocked.Increment(ref answered);
                    if (results[i].Status == IdempotencyBeginStatus.Acquired)
                    {
                        acquired.AddOrUpdate(keys[chunk[i]].Value, 1, (_, n) => n + 1);
                    }
                    else
                    {
                        Assert.Equal(IdempotencyBeginStatus.InProgress, results[i].Status);
                    }
                }
            }
        })));

        Assert.Equal(Workers * RaceKeyCount, answered);
        Assert.Equal(RaceKeyCount, acquired.Count);
        Assert.All(acquired, pair => Assert.Equal(1, pair.Value));
    }

    /// <summary>Checks that concurrent single begins on a few keys give exactly one acquisition per key.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryBegin_ConcurrentSingleBegins_ExactlyOneAcquiredPerKey()
    {
        var (store, _) = await NewAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 8 * 50).Select(i => Task.Run(
            async () => (Key: i % 50, Result: await store.TryBeginAsync("t-single-race", Key($"k{i % 50}"), RequestA, Lease, Retention, default)))));

        Assert.All(
            results.GroupBy(r => r.Key),
            group => Assert.Single(group, r => r.Result.Status == IdempotencyBeginStatus.Acquired));
    }

    /// <summary>Creates the store under test, empty or holding only other tests' tenants, on the given clock.</summary>
    /// <param name="timeProvider">The clock the store must read every time from.</param>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IIdempotencyStore> CreateStoreAsync(TimeProvider timeProvider);

    private static IdempotencyKey Key(string value) => IdempotencyKey.Create(value);

    private static string Describe(IdempotencyBeginResult result) => result.Status switch
    {
        IdempotencyBeginStatus.Acquired => $"acquired attempt {result.Lease.Attempt} until {result.Lease.ExpiresAt:O}",
        IdempotencyBeginStatus.InProgress => $"in-progress until {result.LeaseExpiresAt:O}",
        IdempotencyBeginStatus.Completed => $"completed {Convert.ToHexString(result.Outcome!.Content.Span)} {result.Outcome.ContentType} {result.Outcome.StatusCode}",
        IdempotencyBeginStatus.Failed => $"failed {result.Failure!.ErrorCode} {result.Failure.Message}",
        _ => result.Status.ToString(),
    };

    private async ValueTask<(IIdempotencyStore Store, ManualTimeProvider Time)> NewAsync()
    {
        var time = new ManualTimeProvider();
        var store = await CreateStoreAsync(time).ConfigureAwait(false);
        return (store, time);
    }
}
