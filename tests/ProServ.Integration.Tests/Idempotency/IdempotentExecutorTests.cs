using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using ProServ.Integration.Errors;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Testing;

namespace ProServ.Integration.Tests.Idempotency;

public sealed class IdempotentExecutorTests
{
    private const string Tenant = "acme";
    private const string Operation = "billing.post-time-entry";
    private static readonly JsonTypeInfo<string> StringType = (JsonTypeInfo<string>)JsonSerializerOptions.Default.GetTypeInfo(typeof(string));
    private static readonly IdempotencyKey Key = IdempotencyKey.Derive(Tenant, Operation, "entry-1", 1);
    private static readonly RequestFingerprint Request = RequestFingerprint.FromBytes("{\"hours\":7.5}"u8);

    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryIdempotencyStore _store;

    public IdempotentExecutorTests()
    {
        _store = new InMemoryIdempotencyStore(_time);
    }

    [Fact]
    public async Task ExecuteOnce_SecondCall_ReplaysWithoutRunning()
    {
        var executor = Executor();
        var runs = 0;

        var first = await executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, _ => ValueTask.FromResult($"INV-{++runs}"), StringType, default);
        var second = await executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, _ => ValueTask.FromResult($"INV-{++runs}"), StringType, default);

        Assert.Equal(new IdempotentResult<string>("INV-1", IsReplay: false), first);
        Assert.Equal(new IdempotentResult<string>("INV-1", IsReplay: true), second);
        Assert.Equal(1, runs);
        var record = await _store.GetAsync(Tenant, Key, default);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromDays(400), record!.ExpiresAt);
    }

    [Fact]
    public async Task ExecuteOnce_DifferentRequestSameKey_ThrowsConflict()
    {
        var executor = Executor();
        await executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, _ => ValueTask.FromResult("INV-1"), StringType, default);

        var ex = await Assert.ThrowsAsync<IdempotencyConflictException>(async () => await executor.ExecuteOnceAsync(
            Tenant, Operation, Key, RequestFingerprint.FromBytes("{\"hours\":8}"u8), _ => ValueTask.FromResult("INV-2"), StringType, default));

        Assert.Equal(IdempotencyErrorCodes.Conflict, ex.ErrorCode);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task ExecuteOnce_PermanentFailure_StoredAndNotRunAgain()
    {
        var executor = Executor();
        var runs = 0;
        ValueTask<string> Reject(CancellationToken _)
        {
            runs++;
            throw new IntegrationException("erp.period-closed", "The period is closed.");
        }

        await Assert.ThrowsAsync<IntegrationException>(async () => await executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, Reject, StringType, default));
        var replay = await Assert.ThrowsAsync<IdempotencyFailedException>(async () => await executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, Reject, StringType, default));

        Assert.Equal(1, runs);
        Assert.Equal("erp.period-closed", replay.Failure.ErrorCode);
        Assert.Equal(IdempotencyErrorCodes.FailedPermanently, replay.ErrorCode);
    }

    [Fact]
    public async Task ExecuteOnce_TransientFailure_ReleasesSoRetryRuns()
    {
        var executor = Executor();
        var runs = 0;
        ValueTask<string> FlakyThenOk(CancellationToken _)
        {
            return ++runs == 1 ? throw new IntegrationException("http.timeout", "Timed out.", isTransient: true) : ValueTask.FromResult("INV-9");
        }

        await Assert.ThrowsAsync<IntegrationException>(async () => await executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, FlakyThenOk, StringType, default));
        var retry = await executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, FlakyThenOk, StringType, default);

        Assert.Equal("INV-9", retry.Value);
        Assert.False(retry.IsReplay);
        Assert.Equal(2, (await _store.GetAsync(Tenant, Key, default))!.Attempt);
    }

    [Fact]
    public async Task ExecuteOnce_UnknownExceptionOrCancellation_ReleasesSoRetryRuns()
    {
        var executor = Executor();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await executor.ExecuteOnceAsync<string>(
            Tenant, Operation, Key, Request, _ => throw new InvalidOperationException("boom"), StringType, default));
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await executor.ExecuteOnceAsync<string>(
            Tenant, Operation, Key, Request, _ => throw new OperationCanceledException(), StringType, default));
        var retry = await executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, _ => ValueTask.FromResult("INV-3"), StringType, default);

        Assert.Equal("INV-3", retry.Value);
        Assert.Equal(3, (await _store.GetAsync(Tenant, Key, default))!.Attempt);
    }

    [Fact]
    public async Task ExecuteOnce_LeaseTakenOverWhileRunning_ThrowsLeaseLostAndKeepsTakeoverOutcome()
    {
        var executor = Executor();
        IdempotencyLease takeover = default;

        var ex = await Assert.ThrowsAsync<IdempotencyLeaseLostException>(async () => await executor.ExecuteOnceAsync(
            Tenant,
            Operation,
            Key,
            Request,
            async ct =>
            {
                _time.Advance(TimeSpan.FromSeconds(31));
                takeover = (await _store.TryBeginAsync(Tenant, Key, Request, TimeSpan.FromSeconds(30), TimeSpan.FromDays(1), ct)).Lease;
                return "slow";
            },
            StringType,
            default));

        Assert.Equal(IdempotencyErrorCodes.LeaseLost, ex.ErrorCode);
        Assert.Equal(2, takeover.Attempt);
        await _store.CompleteAsync(takeover, new IdempotencyOutcome("\"fast\""u8, "application/json"), default);
        var replay = await executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, _ => ValueTask.FromResult("never"), StringType, default);
        Assert.Equal("fast", replay.Value);
    }

    [Fact]
    public async Task ExecuteOnce_InProgressWithoutWait_ThrowsTransientInProgress()
    {
        var held = await _store.TryBeginAsync(Tenant, Key, Request, TimeSpan.FromSeconds(30), TimeSpan.FromDays(1), default);

        var ex = await Assert.ThrowsAsync<IdempotencyInProgressException>(async () => await Executor().ExecuteOnceAsync(
            Tenant, Operation, Key, Request, _ => ValueTask.FromResult("never"), StringType, default));

        Assert.True(ex.IsTransient);
        Assert.Equal(held.Lease.ExpiresAt, ex.LeaseExpiresAt);
    }

    [Fact]
    public async Task ExecuteOnce_InProgressWithWait_ReturnsOutcomeOnceOtherCompletes()
    {
        var held = (await _store.TryBeginAsync(Tenant, Key, Request, TimeSpan.FromSeconds(30), TimeSpan.FromDays(1), default)).Lease;
        var executor = Executor(o => o.InProgressWait = TimeSpan.FromSeconds(10));

        var waiting = executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, _ => ValueTask.FromResult("never"), StringType, default).AsTask();
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.False(waiting.IsCompleted);
        await _store.CompleteAsync(held, new IdempotencyOutcome("\"INV-7\""u8, "application/json"), default);
        _time.Advance(TimeSpan.FromMilliseconds(250));

        var result = await waiting;
        Assert.Equal(new IdempotentResult<string>("INV-7", IsReplay: true), result);
    }

    [Fact]
    public async Task ExecuteOnce_InProgressWaitRunsOut_ThrowsInProgress()
    {
        await _store.TryBeginAsync(Tenant, Key, Request, TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), default);
        var executor = Executor(o => o.InProgressWait = TimeSpan.FromSeconds(1));

        var waiting = executor.ExecuteOnceAsync(Tenant, Operation, Key, Request, _ => ValueTask.FromResult("never"), StringType, default).AsTask();
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
        }

        await Assert.ThrowsAsync<IdempotencyInProgressException>(() => waiting);
    }

    [Fact]
    public void Constructor_RetentionShorterThanLease_ThrowsListingField()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Executor(o => o.DefaultRetention = TimeSpan.FromSeconds(10)));
        Assert.Contains("DefaultRetention", ex.Message, StringComparison.Ordinal);
    }

    private IdempotentExecutor Executor(Action<IdempotencyOptions>? configure = null)
    {
        var options = new IdempotencyOptions();
        configure?.Invoke(options);
        return new IdempotentExecutor(_store, Options.Create(options), _time);
    }
}
