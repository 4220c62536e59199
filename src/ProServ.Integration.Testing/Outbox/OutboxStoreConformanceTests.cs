using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Errors;
using ProServ.Integration.Outbox;
using Xunit;

// Test code shipped in a library: the same relaxations as eng/test.props (Method_Scenario_Expected names, awaits in test methods).
#pragma warning disable CA1707, CA2007, MA0004, MA0002

namespace ProServ.Integration.Testing.Outbox;

/// <summary>
/// Proves that an <see cref="IOutboxStore"/> keeps the rules of the contract, alone and driven by <see cref="OutboxRelay"/>;
/// inherit it in a test project and implement <see cref="CreateStoreAsync"/>.
/// </summary>
/// <remarks>
/// Every test creates its own store through <see cref="CreateStoreAsync"/> with a <see cref="ManualTimeProvider"/>. Claims
/// are not scoped by tenant, so each call must return an empty store (a fresh database file, schema or table): messages
/// left by one test would otherwise be claimed by the next.
/// </remarks>
public abstract class OutboxStoreConformanceTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Checks that an enqueued message is claimed with every field, one attempt and the claim's lease.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Claim_AfterEnqueue_ReturnsEveryField()
    {
        var (store, time) = await NewAsync();
        var message = Message("t1", "m1", "engagement-1") with { CorrelationId = "corr-1" };
        Assert.True(await store.EnqueueAsync(message.Build()));

        var claimed = Assert.Single(await store.ClaimAsync(10, Lease));

        Assert.Equal("m1", claimed.Id);
        Assert.Equal("t1", claimed.Tenant);
        Assert.Equal("engagement-1", claimed.Stream);
        Assert.Equal("dev.proserv.engagement.activated.v1", claimed.Type);
        Assert.Equal("{\"id\":\"m1\"}", Encoding.UTF8.GetString(claimed.Payload.Span));
        Assert.Equal("application/cloudevents+json", claimed.ContentType);
        Assert.Equal("corr-1", claimed.CorrelationId);
        Assert.Equal(OutboxState.Pending, claimed.State);
        Assert.Equal(1, claimed.Attempts);
        Assert.Equal(time.GetUtcNow(), claimed.EnqueuedAt);
        Assert.NotEqual(Guid.Empty, claimed.LeaseToken);
        Assert.Equal(time.GetUtcNow() + Lease, claimed.LeaseExpiresAt);
    }

    /// <summary>Checks that enqueuing the same tenant and id twice stores one message, while another tenant may use the id.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Enqueue_SameIdTwice_StoredOnce()
    {
        var (store, _) = await NewAsync();

        Assert.True(await store.EnqueueAsync(Message("t1", "m1", "s").Build()));
        Assert.False(await store.EnqueueAsync((Message("t1", "m1", "other-stream") with { Payload = "changed" }).Build()));
        Assert.True(await store.EnqueueAsync(Message("t2", "m1", "s").Build()));

        var claimed = await store.ClaimAsync(10, Lease);
        Assert.Equal(["t1", "t2"], claimed.Select(c => c.Tenant));
        Assert.Equal("s", claimed[0].Stream);
    }

    /// <summary>Checks that bad input is refused with an argument exception, never stored.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Enqueue_InvalidMessage_ThrowsArgumentException()
    {
        var (store, _) = await NewAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.EnqueueAsync((Message("t1", " ", "s")).Build()));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.EnqueueAsync((Message("t1", "m", new string('s', 256))).Build()));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.ClaimAsync(0, Lease));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.ClaimAsync(1, TimeSpan.Zero));
        Assert.Empty(await store.ClaimAsync(10, Lease));
    }

    /// <summary>Checks that a claimed message is not claimed again while its lease lasts, and is taken over after it ends.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Claim_WhileLeased_NotClaimedUntilLeaseEnds()
    {
        var (store, time) = await NewAsync();
        await store.EnqueueAsync(Message("t1", "m1", "s").Build());
        var first = Assert.Single(await store.ClaimAsync(10, Lease));
        time.Advance(Lease - TimeSpan.FromMilliseconds(1));

        Assert.Empty(await store.ClaimAsync(10, Lease));

        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = Assert.Single(await store.ClaimAsync(10, Lease));
        Assert.Equal(2, second.Attempts);
        Assert.NotEqual(first.LeaseToken, second.LeaseToken);
        Assert.False(await store.MarkPublishedAsync(first));
        Assert.True(await store.MarkPublishedAsync(second));
        Assert.Equal(OutboxState.Published, (await store.GetAsync("t1", "m1"))!.State);
    }

    /// <summary>Checks that a claim takes the oldest messages first and at most the batch size.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Claim_BatchLimit_OldestFirst()
    {
        var (store, _) = await NewAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.EnqueueAsync(Message("t1", "m" + i.ToString(CultureInfo.InvariantCulture), "s" + i.ToString(CultureInfo.InvariantCulture)).Build());
        }

        var first = await store.ClaimAsync(3, Lease);
        var second = await store.ClaimAsync(3, Lease);

        Assert.Equal(["m0", "m1", "m2"], first.Select(e => e.Id));
        Assert.Equal(["m3", "m4"], second.Select(e => e.Id));
        Assert.True(first[0].Sequence < first[1].Sequence && first[2].Sequence < second[0].Sequence);
    }

    /// <summary>Checks that a stream's later message waits while an earlier one is held by another claim, and follows once it is published.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Claim_EarlierMessageOfStreamLeased_LaterOnesWait()
    {
        var (store, _) = await NewAsync();
        await store.EnqueueAsync(Message("t1", "a1", "a").Build());
        var head = Assert.Single(await store.ClaimAsync(1, Lease));
        await store.EnqueueAsync(Message("t1", "a2", "a").Build());
        await store.EnqueueAsync(Message("t1", "b1", "b").Build());
        await store.EnqueueAsync(Message("t2", "a1", "a").Build());

        var others = await store.ClaimAsync(10, Lease);

        Assert.Equal([("t1", "b1"), ("t2", "a1")], others.Select(e => (e.Tenant, e.Id)));
        Assert.True(await store.MarkPublishedAsync(head));
        Assert.Equal("a2", Assert.Single(await store.ClaimAsync(10, Lease)).Id);
    }

    /// <summary>Checks that one claim takes consecutive messages of a stream together, in order.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Claim_ConsecutiveMessagesOfStream_ClaimedTogetherInOrder()
    {
        var (store, _) = await NewAsync();
        foreach (var id in new[] { "x1", "y1", "x2", "x3" })
        {
            await store.EnqueueAsync(Message("t1", id, id[..1]).Build());
        }

        var claimed = await store.ClaimAsync(10, Lease);

        Assert.Equal(["x1", "y1", "x2", "x3"], claimed.Select(e => e.Id));
        Assert.Single(claimed.Select(e => e.LeaseToken).Distinct());
    }

    /// <summary>Checks that marking many entries marks exactly those whose claim still holds them.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task MarkPublishedMany_SomeClaimsGone_MarksOnlyHeld()
    {
        var (store, time) = await NewAsync();
        foreach (var id in new[] { "m1", "m2", "m3" })
        {
            await store.EnqueueAsync(Message("t1", id, id).Build());
        }

        var batch = await store.ClaimAsync(10, Lease);
        Assert.True(await store.ReleaseAsync(batch[1]));

        Assert.Equal(2, await store.MarkPublishedManyAsync(batch));

        Assert.Equal(0, await store.MarkPublishedManyAsync([]));
        Assert.Equal(OutboxState.Published, (await store.GetAsync("t1", "m1"))!.State);
        Assert.Equal(OutboxState.Pending, (await store.GetAsync("t1", "m2"))!.State);
        Assert.Equal(time.GetUtcNow(), (await store.GetAsync("t1", "m3"))!.CompletedAt);
        Assert.Equal(0, await store.MarkPublishedManyAsync(batch));
    }

    /// <summary>Checks that a rescheduled message keeps its attempt, records the error, and blocks its stream until it is due.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Reschedule_FailedAttempt_DueLaterAndBlocksStream()
    {
        var (store, time) = await NewAsync();
        await store.EnqueueAsync(Message("t1", "m1", "s").Build());
        await store.EnqueueAsync(Message("t1", "m2", "s").Build());
        var batch = await store.ClaimAsync(1, Lease);

        Assert.True(await store.RescheduleAsync(batch[0], time.GetUtcNow() + TimeSpan.FromMinutes(1), "psa.unavailable", "503 from the PSA"));

        Assert.Empty(await store.ClaimAsync(10, Lease));
        var stored = await store.GetAsync("t1", "m1");
        Assert.Equal(1, stored!.Attempts);
        Assert.Equal("psa.unavailable", stored.LastErrorCode);
        Assert.Equal("503 from the PSA", stored.LastErrorMessage);
        Assert.Equal(Guid.Empty, stored.LeaseToken);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(1), stored.AvailableAt);
        time.Advance(TimeSpan.FromMinutes(1));
        var retried = await store.ClaimAsync(10, Lease);
        Assert.Equal(["m1", "m2"], retried.Select(e => e.Id));
        Assert.Equal(2, retried[0].Attempts);
    }

    /// <summary>Checks that a released message is due at once and its claim does not count as an attempt.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Release_Untried_AttemptNotCounted()
    {
        var (store, _) = await NewAsync();
        await store.EnqueueAsync(Message("t1", "m1", "s").Build());
        var claimed = Assert.Single(await store.ClaimAsync(10, Lease));

        Assert.True(await store.ReleaseAsync(claimed));

        var again = Assert.Single(await store.ClaimAsync(10, Lease));
        Assert.Equal(1, again.Attempts);
        Assert.False(await store.ReleaseAsync(claimed));
    }

    /// <summary>Checks that a dead-lettered message is never claimed again and no longer blocks its stream.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task MarkDeadLettered_Poison_UnblocksStream()
    {
        var (store, time) = await NewAsync();
        await store.EnqueueAsync(Message("t1", "poison", "s").Build());
        var head = Assert.Single(await store.ClaimAsync(10, Lease));
        await store.EnqueueAsync(Message("t1", "next", "s").Build());
        Assert.Empty(await store.ClaimAsync(10, Lease));

        Assert.True(await store.MarkDeadLetteredAsync(head, "psa.invalid", "rejected"));

        Assert.Equal("next", Assert.Single(await store.ClaimAsync(10, Lease)).Id);
        var stored = await store.GetAsync("t1", "poison");
        Assert.Equal(OutboxState.DeadLettered, stored!.State);
        Assert.Equal(time.GetUtcNow(), stored.CompletedAt);
        Assert.Equal("psa.invalid", stored.LastErrorCode);
        Assert.False(await store.MarkPublishedAsync(head));
    }

    /// <summary>Checks that finishing with an entry of another tenant or a forged token changes nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task MarkPublished_ForeignOrForgedEntry_ReturnsFalse()
    {
        var (store, _) = await NewAsync();
        await store.EnqueueAsync(Message("t1", "m1", "s").Build());
        var claimed = Assert.Single(await store.ClaimAsync(10, Lease));

        Assert.False(await store.MarkPublishedAsync(Clone(claimed, claimed.Tenant, Guid.NewGuid())));
        Assert.False(await store.MarkPublishedAsync(Clone(claimed, "t2", claimed.LeaseToken)));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.MarkPublishedAsync(Clone(claimed, claimed.Tenant, Guid.Empty)));

        Assert.Equal(OutboxState.Pending, (await store.GetAsync("t1", "m1"))!.State);
        Assert.True(await store.MarkPublishedAsync(claimed));
    }

    /// <summary>Checks that purge deletes only completed messages older than the bound, at most a batch per call.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Purge_CompletedOlderThanBound_DeletedInBatches()
    {
        var (store, time) = await NewAsync();
        const string tenant = "t1";
        foreach (var id in new[] { "p1", "p2", "p3", "dead", "pending" })
        {
            await store.EnqueueAsync(Message(tenant, id, id).Build());
        }

        foreach (var entry in await store.ClaimAsync(10, Lease))
        {
            _ = entry.Id switch
            {
                "pending" => await store.RescheduleAsync(entry, time.GetUtcNow(), "x", "x"),
                "dead" => await store.MarkDeadLetteredAsync(entry, "x", "x"),
                _ => await store.MarkPublishedAsync(entry),
            };
        }

        time.Advance(TimeSpan.FromDays(1));
        await store.EnqueueAsync(Message(tenant, "late", "late").Build());
        await store.MarkPublishedAsync(Assert.Single(await store.ClaimAsync(10, Lease), e => e.Id == "late"));

        var bound = time.GetUtcNow();
        Assert.Equal(3, await store.PurgeAsync(bound, 3));
        Assert.Equal(1, await store.PurgeAsync(bound, 3));
        Assert.Equal(0, await store.PurgeAsync(bound, 3));
        Assert.NotNull(await store.GetAsync(tenant, "pending"));
        Assert.NotNull(await store.GetAsync(tenant, "late"));
        Assert.Null(await store.GetAsync(tenant, "p1"));
        Assert.Null(await store.GetAsync(tenant, "dead"));
    }

    /// <summary>Checks that four racing claimers never hold the same message at once, and each stream is claimed in enqueue order.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Claim_FourWorkersRacing_EachMessageClaimedOnceInStreamOrder()
    {
        var (store, _) = await NewAsync();
        const int streams = 20;
        const int perStream = 15;
        for (var i = 0; i < perStream; i++)
        {
            for (var s = 0; s < streams; s++)
            {
                await store.EnqueueAsync(Message("race", $"s{s}-{i}", $"s{s}").Build());
            }
        }

        var claims = new ConcurrentQueue<(long Order, string Id)>();
        long order = 0;
        using var start = new ManualResetEventSlim(false);
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var idle = 0;
            while (idle < 50)
            {
                var batch = await store.ClaimAsync(7, TimeSpan.FromHours(1));
                if (batch.Count == 0)
                {
                    idle++;
                    await Task.Yield();
                    continue;
                }

                idle = 0;
                foreach (var entry in batch)
                {
                    claims.Enqueue((Interlocked.Increment(ref order), entry.Id));
                    Assert.True(await store.MarkPublishedAsync(entry));
                }
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(workers);

        Assert.Equal(streams * perStream, claims.Count);
        Assert.Equal(streams * perStream, claims.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        for (var s = 0; s < streams; s++)
        {
            var prefix = $"s{s}-";
            var sequence = claims.Where(c => c.Id.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(c => c.Order)
                .Select(c => int.Parse(c.Id[prefix.Length..], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, perStream), sequence);
        }
    }

    /// <summary>Checks that the relay publishes every message once, in stream order, and marks them published.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Relay_HealthyPublisher_PublishesAllInOrder()
    {
        var (store, time) = await NewAsync();
        foreach (var id in new[] { "a1", "b1", "a2", "a3", "b2" })
        {
            await store.EnqueueAsync(Message("t1", id, id[..1]).Build());
        }

        var publisher = new RecordingPublisher();
        var relay = Relay(store, publisher, DeadLetterStores.CreateInMemory(timeProvider: time), time, new OutboxRelayOptions { BatchSize = 2 });

        var total = 0;
        for (var round = 0; round < 10; round++)
        {
            total += (await relay.RunOnceAsync(CancellationToken.None)).Published;
        }

        Assert.Equal(5, total);
        Assert.Equal(["a1", "b1", "a2", "a3", "b2"], publisher.Published);
        Assert.Equal(OutboxState.Published, (await store.GetAsync("t1", "b2"))!.State);
        Assert.Equal(0, (await relay.RunOnceAsync(CancellationToken.None)).Claimed);
    }

    /// <summary>Checks that a failing message is retried with back-off, its stream waits for it, and other streams go on.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Relay_TransientFailure_RetriesWithBackoffKeepingStreamOrder()
    {
        var (store, time) = await NewAsync();
        foreach (var id in new[] { "a1", "a2", "b1" })
        {
            await store.EnqueueAsync(Message("t1", id, id[..1]).Build());
        }

        var publisher = new RecordingPublisher { FailuresLeft = { ["a1"] = 2 } };
        var options = new OutboxRelayOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromSeconds(15) };
        var relay = Relay(store, publisher, DeadLetterStores.CreateInMemory(timeProvider: time), time, options);

        var first = await relay.RunOnceAsync(CancellationToken.None);
        Assert.Equal(new OutboxRelayResult(3, 1, 1, 0, 1, 0), first);
        Assert.Equal(["b1"], publisher.Published);
        var failed = await store.GetAsync("t1", "a1");
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(10), failed!.AvailableAt);
        Assert.Equal(OutboxErrorCodes.PublishFailed, failed.LastErrorCode);
        Assert.Equal(0, (await relay.RunOnceAsync(CancellationToken.None)).Claimed);

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await relay.RunOnceAsync(CancellationToken.None)).Retried);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(15), (await store.GetAsync("t1", "a1"))!.AvailableAt);
        time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(2, (await relay.RunOnceAsync(CancellationToken.None)).Published);

        Assert.Equal(["b1", "a1", "a2"], publisher.Published);
        Assert.Equal(3, (await store.GetAsync("t1", "a1"))!.Attempts);
        Assert.Equal(1, (await store.GetAsync("t1", "a2"))!.Attempts);
    }

    /// <summary>Checks that a message failing on its last attempt goes to the dead-letter store with its payload and id, and its stream goes on.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Relay_PoisonMessage_DeadLetteredAfterMaxAttempts()
    {
        var (store, time) = await NewAsync();
        await store.EnqueueAsync((Message("t1", "poison", "s") with { CorrelationId = "corr-9" }).Build());
        await store.EnqueueAsync(Message("t1", "after", "s").Build());
        var publisher = new RecordingPublisher { FailuresLeft = { ["poison"] = int.MaxValue } };
        var deadLetters = DeadLetterStores.CreateInMemory(timeProvider: time);
        var relay = Relay(store, publisher, deadLetters, time, new OutboxRelayOptions { MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromSeconds(1) });

        for (var round = 0; round < 3; round++)
        {
            await relay.RunOnceAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        await relay.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["after"], publisher.Published);
        Assert.Equal(3, publisher.Calls["poison"]);
        Assert.Equal(OutboxState.DeadLettered, (await store.GetAsync("t1", "poison"))!.State);
        var page = await deadLetters.ListAsync(new DeadLetterQuery { Tenant = "t1" });
        var item = Assert.Single(page.Items);
        Assert.Equal("poison", item.IdempotencyKey);
        Assert.Equal("outbox.publish", item.Source);
        Assert.Equal("corr-9", item.CorrelationId);
        Assert.Equal(OutboxErrorCodes.PublishFailed, item.ErrorCode);
        var replayed = await deadLetters.ReplayAsync("t1", item.Id, (dead, _) =>
        {
            Assert.Equal("{\"id\":\"poison\"}", Encoding.UTF8.GetString(dead.Payload.Span));
            return ValueTask.FromResult(ReplayOutcome.Success);
        });
        Assert.Equal(DeadLetterReplayStatus.Resolved, replayed.Status);
    }

    /// <summary>Checks that a permanent failure (a non-transient integration exception) is dead-lettered at once with its code.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Relay_PermanentFailure_DeadLetteredAtOnce()
    {
        var (store, time) = await NewAsync();
        await store.EnqueueAsync(Message("t1", "bad", "s").Build());
        var publisher = new RecordingPublisher { Permanent = { "bad" } };
        var deadLetters = DeadLetterStores.CreateInMemory(timeProvider: time);
        var relay = Relay(store, publisher, deadLetters, time, new OutboxRelayOptions());

        var result = await relay.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, result.DeadLettered);
        var item = Assert.Single((await deadLetters.ListAsync(new DeadLetterQuery { Tenant = "t1" })).Items);
        Assert.Equal("psa.rejected", item.ErrorCode);
        Assert.Equal(1, (await store.GetAsync("t1", "bad"))!.Attempts);
    }

    /// <summary>Checks that two relays racing on one store publish every message exactly once when no lease runs out.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Relay_TwoRelaysRacing_EachMessagePublishedOnce()
    {
        var (store, time) = await NewAsync();
        for (var i = 0; i < 300; i++)
        {
            await store.EnqueueAsync(Message("t1", "m" + i.ToString(CultureInfo.InvariantCulture), "s" + (i % 13).ToString(CultureInfo.InvariantCulture)).Build());
        }

        var publisher = new RecordingPublisher();
        var options = new OutboxRelayOptions { BatchSize = 10, LeaseDuration = TimeSpan.FromHours(1) };
        var relays = new[]
        {
            Relay(store, publisher, DeadLetterStores.CreateInMemory(timeProvider: time), time, options),
            Relay(store, publisher, DeadLetterStores.CreateInMemory(timeProvider: time), time, options),
        };

        var published = await Task.WhenAll(relays.Select(relay => Task.Run(async () =>
        {
            var count = 0;
            for (var idle = 0; idle < 50;)
            {
                var result = await relay.RunOnceAsync(CancellationToken.None);
                count += result.Published;
                idle = result.Claimed == 0 ? idle + 1 : 0;
            }

            return count;
        })));

        Assert.Equal(300, published.Sum());
        Assert.Equal(300, publisher.Published.Count);
        Assert.All(publisher.Calls.Values, calls => Assert.Equal(1, calls));
    }

    /// <summary>Creates the store under test, with no due messages.</summary>
    /// <param name="timeProvider">The clock the store must use for every time it records.</param>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IOutboxStore> CreateStoreAsync(TimeProvider timeProvider);

    private static MessageSpec Message(string tenant, string id, string stream) => new(tenant, id, stream, "{\"id\":\"" + id + "\"}", null);

    private static OutboxEntry Clone(OutboxEntry entry, string tenant, Guid token) => new()
    {
        Sequence = entry.Sequence,
        Id = entry.Id,
        Tenant = tenant,
        Stream = entry.Stream,
        Type = entry.Type,
        Payload = entry.Payload,
        ContentType = entry.ContentType,
        State = entry.State,
        Attempts = entry.Attempts,
        EnqueuedAt = entry.EnqueuedAt,
        AvailableAt = entry.AvailableAt,
        LeaseToken = token,
        LeaseExpiresAt = entry.LeaseExpiresAt,
    };

    private static OutboxRelay Relay(IOutboxStore store, IOutboxPublisher publisher, IDeadLetterStore deadLetters, TimeProvider time, OutboxRelayOptions options) =>
        new(store, publisher, deadLetters, Options.Create(options), time);

    private async ValueTask<(IOutboxStore Store, ManualTimeProvider Time)> NewAsync()
    {
        var time = new ManualTimeProvider();
        return (await CreateStoreAsync(time), time);
    }

    private sealed record MessageSpec(string Tenant, string Id, string Stream, string Payload, string? CorrelationId)
    {
        public OutboxMessage Build() => new()
        {
            Id = Id,
            Tenant = Tenant,
            Stream = Stream,
            Type = "dev.proserv.engagement.activated.v1",
            Payload = Encoding.UTF8.GetBytes(Payload),
            CorrelationId = CorrelationId,
        };
    }

    private sealed class RecordingPublisher : IOutboxPublisher
    {
        private readonly Lock _gate = new();

        public List<string> Published { get; } = [];

        public Dictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> FailuresLeft { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Permanent { get; } = new(StringComparer.Ordinal);

        public ValueTask PublishAsync(OutboxEntry message, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Calls[message.Id] = Calls.GetValueOrDefault(message.Id) + 1;
                if (Permanent.Contains(message.Id))
                {
                    throw new IntegrationException("psa.rejected", "The PSA rejected the message.");
                }

                if (FailuresLeft.TryGetValue(message.Id, out var left) && left > 0)
                {
                    FailuresLeft[message.Id] = left - 1;
                    throw new InvalidOperationException("The broker is unavailable.");
                }

                Published.Add(message.Id);
            }

            return ValueTask.CompletedTask;
        }
    }
}
