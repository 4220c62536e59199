using System.Collections.Concurrent;
using System.Globalization;
using ProServ.Integration.Inbox;
using Xunit;

// Test code shipped in a library: the same relaxations as eng/test.props (Method_Scenario_Expected names, awaits in test methods).
#pragma warning disable CA1707, CA2007, MA0004

namespace ProServ.Integration.Testing.Inbox;

/// <summary>Proves that an <see cref="IInboxStore"/> keeps the rules of the contract; inherit it in a test project and implement <see cref="CreateStoreAsync"/>.</summary>
/// <remarks>
/// Every test creates its own store through <see cref="CreateStoreAsync"/> with a <see cref="ManualTimeProvider"/> and uses
/// its own consumer names, so stores that share a database between tests still pass. The purge test runs its clock in 2019
/// so that other tests' records (2026) are never due.
/// </remarks>
public abstract class InboxStoreConformanceTests
{
    /// <summary>Checks that the first record of a pair wins and a repeat is refused.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryRecord_FirstThenRepeat_TrueThenFalse()
    {
        var (store, consumer) = await NewAsync();

        Assert.True(await store.TryRecordAsync(consumer, "event-1"));
        Assert.False(await store.TryRecordAsync(consumer, "event-1"));
        Assert.True(await store.TryRecordAsync(consumer, "event-2"));
    }

    /// <summary>Checks that consumers are independent and ids are compared ordinally.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryRecord_OtherConsumerOrCase_Independent()
    {
        var (store, consumer) = await NewAsync();
        Assert.True(await store.TryRecordAsync(consumer, "event-1"));

        Assert.True(await store.TryRecordAsync(consumer + "-other", "event-1"));
        Assert.True(await store.TryRecordAsync(consumer, "EVENT-1"));
    }

    /// <summary>Checks that a removed record lets the message be handled again.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Remove_AfterFailedHandling_MessageHandledAgain()
    {
        var (store, consumer) = await NewAsync();
        await store.TryRecordAsync(consumer, "event-1");

        Assert.True(await store.RemoveAsync(consumer, "event-1"));
        Assert.False(await store.RemoveAsync(consumer, "event-1"));
        Assert.True(await store.TryRecordAsync(consumer, "event-1"));
    }

    /// <summary>Checks that bad input is refused with an argument exception.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryRecord_InvalidArguments_ThrowArgumentException()
    {
        var (store, consumer) = await NewAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.TryRecordAsync(consumer, ""));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.TryRecordAsync(" ", "event-1"));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.TryRecordAsync(consumer, new string('x', 256)));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.PurgeAsync(DateTimeOffset.UnixEpoch, 0));
    }

    /// <summary>Checks that the handle-once helper runs a handler once, and again after it failed.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task HandleOnce_DuplicateAndFailure_HandlerRunsOncePerSuccess()
    {
        var (store, consumer) = await NewAsync();
        var runs = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await store.HandleOnceAsync(consumer, "event-1", _ => { runs++; throw new InvalidOperationException("boom"); }));
        Assert.True(await store.HandleOnceAsync(consumer, "event-1", _ => { runs++; return ValueTask.CompletedTask; }));
        Assert.False(await store.HandleOnceAsync(consumer, "event-1", _ => { runs++; return ValueTask.CompletedTask; }));

        Assert.Equal(2, runs);
    }

    /// <summary>Checks that purge deletes only records older than the bound, oldest first, at most a batch per call.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Purge_OlderThanBound_DeletedInBatches()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = await CreateStoreAsync(time);
        var consumer = NewConsumer();
        for (var i = 0; i < 5; i++)
        {
            await store.TryRecordAsync(consumer, "old-" + i.ToString(CultureInfo.InvariantCulture));
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var bound = time.GetUtcNow();
        await store.TryRecordAsync(consumer, "recent");

        Assert.Equal(3, await store.PurgeAsync(bound, 3));
        Assert.True(await store.TryRecordAsync(consumer, "old-0"));
        Assert.False(await store.TryRecordAsync(consumer, "old-3"));
        Assert.Equal(2, await store.PurgeAsync(bound, 3));
        Assert.Equal(0, await store.PurgeAsync(bound, 3));
        Assert.False(await store.TryRecordAsync(consumer, "recent"));
        Assert.True(await store.TryRecordAsync(consumer, "old-4"));

        // Leave nothing of 2019 behind for the other tests.
        await store.PurgeAsync(bound + TimeSpan.FromDays(1), 100);
    }

    /// <summary>Checks that eight consumers racing on the same 2 000 event ids record each id exactly once.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task TryRecord_EightWorkersRacing_EachEventHandledOnce()
    {
        var (store, consumer) = await NewAsync();
        const int events = 2_000;
        var handled = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var start = new ManualResetEventSlim(false);
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            start.Wait();
            for (var i = 0; i < events; i++)
            {
                var id = "event-" + ((i + (worker * 250)) % events).ToString(CultureInfo.InvariantCulture);
                if (await store.TryRecordAsync(consumer, id))
                {
                    handled.AddOrUpdate(id, 1, (_, n) => n + 1);
                }
            }
        })).ToArray();
        start.Set();

        await Task.WhenAll(workers);

        Assert.Equal(events, handled.Count);
        Assert.All(handled.Values, count => Assert.Equal(1, count));
    }

    /// <summary>Creates the store under test.</summary>
    /// <param name="timeProvider">The clock the store must use for every time it records.</param>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IInboxStore> CreateStoreAsync(TimeProvider timeProvider);

    private static string NewConsumer() => "consumer-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private async ValueTask<(IInboxStore Store, string Consumer)> NewAsync() => (await CreateStoreAsync(new ManualTimeProvider()), NewConsumer());
}
