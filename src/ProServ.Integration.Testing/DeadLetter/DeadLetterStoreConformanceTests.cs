using System.Globalization;
using System.Text;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Errors;
using Xunit;

// Test code shipped in a library: the same relaxations as eng/test.props (Method_Scenario_Expected names, awaits in test methods).
#pragma warning disable CA1707, CA2007, MA0004

namespace ProServ.Integration.Testing.DeadLetter;

/// <summary>
/// Proves that an <see cref="IDeadLetterStore"/> keeps the rules of the contract; inherit it in a test project and
/// implement <see cref="CreateStoreAsync"/>.
/// </summary>
/// <remarks>
/// Every test creates its own store through <see cref="CreateStoreAsync"/> with a <see cref="ManualTimeProvider"/> and uses
/// its own tenant, so stores that share a database between tests still pass. Purge is not scoped by tenant, so the purge
/// tests run their clocks in 2018 and 2019 (the other tests start in 2026) and clean up what they resolve.
/// </remarks>
public abstract class DeadLetterStoreConformanceTests
{
    private const string Json = "application/json";
    private const string Source = "psa.time-entries.import";

    private static readonly byte[] TimeEntryPayload = Encoding.UTF8.GetBytes(
        """{"timeEntry":{"hours":7.5,"billRate":{"amount":"150.00","currency":"EUR"},"resource":{"name":"Ann Lee","email":"ann@firm.example"}},"lines":[{"unitPrice":99.5,"description":"Workshop"}],"notes":"visible"}""");

    /// <summary>Checks that an added failure keeps every field, attempts 1, and first = last failure time.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Add_NewFailure_KeepsEveryField()
    {
        var (store, time, tenant) = await NewAsync();

        var item = await store.AddAsync(Failure(tenant, "key-1", correlationId: "corr-1"));

        Assert.NotEqual(Guid.Empty, item.Id);
        Assert.Equal(tenant, item.Tenant);
        Assert.Equal(Source, item.Source);
        Assert.Equal("key-1", item.IdempotencyKey);
        Assert.Equal("corr-1", item.CorrelationId);
        Assert.Equal("psa.rejected", item.ErrorCode);
        Assert.Equal("The PSA rejected the entry.", item.ErrorMessage);
        Assert.Equal(TimeEntryPayload, item.Payload.ToArray());
        Assert.Equal(Json, item.ContentType);
        Assert.Equal(1, item.Attempts);
        Assert.Equal(time.GetUtcNow(), item.FirstFailedAt);
        Assert.Equal(time.GetUtcNow(), item.LastFailedAt);
        Assert.Null(item.ResolvedAt);
        Assert.Equal(DeadLetterStatus.Pending, item.Status);
        var view = Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = tenant })).Items);
        Assert.Equal(item.Id, view.Id);
        Assert.Equal("corr-1", view.CorrelationId);
        Assert.Equal(TimeEntryPayload.Length, view.PayloadLength);
    }

    /// <summary>Checks that a second failure of the same operation updates the item instead of adding another.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Add_SameTenantAndKey_IncrementsAttemptsNoDuplicate()
    {
        var (store, time, tenant) = await NewAsync();
        var first = await store.AddAsync(Failure(tenant, "key-1"));
        var firstAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(10));

        var second = await store.AddAsync(Failure(tenant, "key-1", errorCode: "psa.timeout", payload: "{\"other\":1}"u8.ToArray()));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(firstAt, second.FirstFailedAt);
        Assert.Equal(time.GetUtcNow(), second.LastFailedAt);
        Assert.Equal("psa.timeout", second.ErrorCode);
        Assert.Equal(TimeEntryPayload, second.Payload.ToArray());
        Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = tenant })).Items);
    }

    /// <summary>Checks that the same idempotency key in two tenants is two items, each listed only for its tenant.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Add_SameKeyOtherTenant_SeparateItems()
    {
        var (store, _, tenant) = await NewAsync();
        var otherTenant = NewTenant();

        var mine = await store.AddAsync(Failure(tenant, "key-1"));
        var theirs = await store.AddAsync(Failure(otherTenant, "key-1"));

        Assert.NotEqual(mine.Id, theirs.Id);
        Assert.Equal(1, theirs.Attempts);
        Assert.Equal(mine.Id, Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = tenant })).Items).Id);
        Assert.Equal(theirs.Id, Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = otherTenant })).Items).Id);
    }

    /// <summary>Checks that a failure of an operation whose item was resolved reopens that item.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Add_AfterResolved_ReopensItem()
    {
        var (store, _, tenant) = await NewAsync();
        var item = await store.AddAsync(Failure(tenant, "key-1"));
        await store.ReplayAsync(tenant, item.Id, Succeed);

        var again = await store.AddAsync(Failure(tenant, "key-1"));

        Assert.Equal(item.Id, again.Id);
        Assert.Equal(DeadLetterStatus.Pending, again.Status);
        Assert.Equal(2, again.Attempts);
    }

    /// <summary>Checks that required fields are enforced.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Add_EmptyIdempotencyKey_ThrowsArgumentException()
    {
        var (store, _, tenant) = await NewAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.AddAsync(Failure(tenant, " ")));
    }

    /// <summary>Checks the error-code (reason) and source filters.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task List_ByErrorCodeAndSource_ReturnsMatchesOnly()
    {
        var (store, time, tenant) = await NewAsync();
        await store.AddAsync(Failure(tenant, "a", errorCode: "psa.rejected"));
        var timeout = await store.AddAsync(Failure(tenant, "b", errorCode: "psa.timeout"));
        time.Advance(TimeSpan.FromSeconds(1));
        var erp = await store.AddAsync(Failure(tenant, "c", errorCode: "psa.timeout", source: "erp.invoices.post"));

        var byCode = await store.ListAsync(new DeadLetterQuery { Tenant = tenant, ErrorCode = "psa.timeout" });
        var byBoth = await store.ListAsync(new DeadLetterQuery { Tenant = tenant, ErrorCode = "psa.timeout", Source = "erp.invoices.post" });

        Assert.Equal([timeout.Id, erp.Id], byCode.Items.Select(i => i.Id).ToArray());
        Assert.Equal(erp.Id, Assert.Single(byBoth.Items).Id);
    }

    /// <summary>Checks the age filter: only items that first failed strictly before the instant.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task List_OlderThan_ReturnsItemsFirstFailedBefore()
    {
        var (store, time, tenant) = await NewAsync();
        var old = await store.AddAsync(Failure(tenant, "old"));
        time.Advance(TimeSpan.FromDays(3));
        var cutoff = time.GetUtcNow();
        await store.AddAsync(Failure(tenant, "new"));
        time.Advance(TimeSpan.FromDays(1));
        await store.AddAsync(Failure(tenant, "old"));

        var page = await store.ListAsync(new DeadLetterQuery { Tenant = tenant, OlderThan = cutoff });

        var view = Assert.Single(page.Items);
        Assert.Equal(old.Id, view.Id);
        Assert.Equal(2, view.Attempts);
    }

    /// <summary>Checks that paging returns every item exactly once, oldest first, and ends with no token.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task List_Paging_EveryItemOnceOldestFirst()
    {
        var (store, time, tenant) = await NewAsync();
        var added = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            added.Add((await store.AddAsync(Failure(tenant, "key-" + i.ToString(CultureInfo.InvariantCulture)))).Id);
            if (i % 2 == 0)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var seen = new List<DeadLetterView>();
        var sizes = new List<int>();
        var query = new DeadLetterQuery { Tenant = tenant, PageSize = 10 };
        do
        {
            var page = await store.ListAsync(query);
            sizes.Add(page.Items.Count);
            seen.AddRange(page.Items);
            query.PageToken = page.NextPageToken;
        }
        while (query.PageToken is not null);

        Assert.Equal([10, 10, 5], sizes);
        Assert.Equal(25, seen.Select(v => v.Id).Distinct().Count());
        Assert.Equal(added.Order().ToArray(), seen.Select(v => v.Id).Order().ToArray());
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.FirstFailedAt <= p.Second.FirstFailedAt));
    }

    /// <summary>Checks that a page exactly full has no next token.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task List_ExactlyOnePage_NoNextToken()
    {
        var (store, _, tenant) = await NewAsync();
        await store.AddAsync(Failure(tenant, "a"));
        await store.AddAsync(Failure(tenant, "b"));

        var page = await store.ListAsync(new DeadLetterQuery { Tenant = tenant, PageSize = 2 });

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.NextPageToken);
    }

    /// <summary>Checks that a page token the store did not issue is refused.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task List_ForeignPageToken_ThrowsArgumentException()
    {
        var (store, _, tenant) = await NewAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.ListAsync(new DeadLetterQuery { Tenant = tenant, PageToken = "not-a-token" }));
    }

    /// <summary>Checks that resolved items are hidden by default and listed on request.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task List_ResolvedItems_HiddenUnlessIncluded()
    {
        var (store, time, tenant) = await NewAsync();
        var resolved = await store.AddAsync(Failure(tenant, "a"));
        var pending = await store.AddAsync(Failure(tenant, "b"));
        time.Advance(TimeSpan.FromMinutes(1));
        await store.ReplayAsync(tenant, resolved.Id, Succeed);

        var pendingOnly = await store.ListAsync(new DeadLetterQuery { Tenant = tenant });
        var all = await store.ListAsync(new DeadLetterQuery { Tenant = tenant, IncludeResolved = true });

        Assert.Equal(pending.Id, Assert.Single(pendingOnly.Items).Id);
        Assert.Equal(2, all.Items.Count);
        var view = all.Items.Single(i => i.Id == resolved.Id);
        Assert.Equal(DeadLetterStatus.Resolved, view.Status);
        Assert.Equal(time.GetUtcNow(), view.ResolvedAt);
    }

    /// <summary>Checks that the default sensitive fields are redacted in the listing while replay gets the intact payload.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task List_DefaultSensitiveFields_RedactedButStoredIntact()
    {
        var (store, _, tenant) = await NewAsync();
        var item = await store.AddAsync(Failure(tenant, "key-1"));

        var view = Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = tenant })).Items);

        Assert.Equal(
            """{"timeEntry":{"hours":7.5,"billRate":"***","resource":{"name":"Ann Lee","email":"***"}},"lines":[{"unitPrice":"***","description":"Workshop"}],"notes":"visible"}""",
            view.RedactedPayload);
        byte[]? replayed = null;
        await store.ReplayAsync(tenant, item.Id, (i, _) =>
        {
            replayed = i.Payload.ToArray();
            return ValueTask.FromResult(ReplayOutcome.Success);
        });
        Assert.Equal(TimeEntryPayload, replayed);
    }

    /// <summary>Checks configured property names and JSON Pointers (with a wildcard segment) and the placeholder.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task List_ConfiguredPointersAndNames_Redacted()
    {
        var options = new DeadLetterOptions { RedactionPlaceholder = "[redacted]" };
        options.SensitivePropertyNames.Add("NOTES");
        options.SensitivePointers.Add("/timeEntry/resource/name");
        options.SensitivePointers.Add("/lines/*/description");
        var (store, _, tenant) = await NewAsync(options);
        await store.AddAsync(Failure(tenant, "key-1"));

        var view = Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = tenant })).Items);

        Assert.Equal(
            """{"timeEntry":{"hours":7.5,"billRate":"[redacted]","resource":{"name":"[redacted]","email":"[redacted]"}},"lines":[{"unitPrice":"[redacted]","description":"[redacted]"}],"notes":"[redacted]"}""",
            view.RedactedPayload);
    }

    /// <summary>Checks that a payload that is not JSON (or not well-formed) is never shown raw.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task List_NonJsonOrMalformedPayload_NotShown()
    {
        var (store, _, tenant) = await NewAsync();
        await store.AddAsync(Failure(tenant, "csv", payload: "rate,email\n150,ann@firm.example"u8.ToArray(), contentType: "text/csv"));
        await store.AddAsync(Failure(tenant, "bad", payload: "{\"rate\":150,"u8.ToArray()));

        var page = await store.ListAsync(new DeadLetterQuery { Tenant = tenant });

        Assert.Equal(2, page.Items.Count);
        Assert.All(page.Items, v => Assert.Null(v.RedactedPayload));
    }

    /// <summary>Checks that replay hands the handler the original idempotency key, correlation id and payload, so a replay never duplicates.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Replay_Handler_ReceivesOriginalIdempotencyKeyAndPayload()
    {
        var (store, _, tenant) = await NewAsync();
        var item = await store.AddAsync(Failure(tenant, "tenant/psa/time-entry/TE-991/v3", correlationId: "corr-7"));
        DeadLetterItem? received = null;
        using var cancellation = new CancellationTokenSource();

        await store.ReplayAsync(tenant, item.Id, (i, token) =>
        {
            received = i;
            Assert.Equal(cancellation.Token, token);
            return ValueTask.FromResult(ReplayOutcome.Success);
        }, cancellation.Token);

        Assert.NotNull(received);
        Assert.Equal("tenant/psa/time-entry/TE-991/v3", received.IdempotencyKey);
        Assert.Equal("corr-7", received.CorrelationId);
        Assert.Equal(TimeEntryPayload, received.Payload.ToArray());
        Assert.Equal(Json, received.ContentType);
    }

    /// <summary>Checks that a successful replay marks the item resolved and keeps it for audit.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Replay_Success_MarksResolvedAndKeepsItem()
    {
        var (store, time, tenant) = await NewAsync();
        var item = await store.AddAsync(Failure(tenant, "key-1"));
        time.Advance(TimeSpan.FromHours(2));

        var result = await store.ReplayAsync(tenant, item.Id, Succeed);

        Assert.Equal(new DeadLetterReplayResult(item.Id, DeadLetterReplayStatus.Resolved, 1), result);
        var view = Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = tenant, IncludeResolved = true })).Items);
        Assert.Equal(DeadLetterStatus.Resolved, view.Status);
        Assert.Equal(time.GetUtcNow(), view.ResolvedAt);
    }

    /// <summary>Checks that a failed replay counts an attempt, records the new error and keeps the item pending.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Replay_Failure_IncrementsAttemptsAndKeepsPending()
    {
        var (store, time, tenant) = await NewAsync();
        var item = await store.AddAsync(Failure(tenant, "key-1"));
        time.Advance(TimeSpan.FromMinutes(30));

        var result = await store.ReplayAsync(tenant, item.Id, (_, _) => ValueTask.FromResult(ReplayOutcome.Failure("psa.locked-period", "Period is closed.")));

        Assert.Equal(new DeadLetterReplayResult(item.Id, DeadLetterReplayStatus.Failed, 2), result);
        var view = Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = tenant })).Items);
        Assert.Equal(DeadLetterStatus.Pending, view.Status);
        Assert.Equal(2, view.Attempts);
        Assert.Equal("psa.locked-period", view.ErrorCode);
        Assert.Equal("Period is closed.", view.ErrorMessage);
        Assert.Equal(time.GetUtcNow(), view.LastFailedAt);
        Assert.Equal(item.FirstFailedAt, view.FirstFailedAt);
    }

    /// <summary>Checks that an <see cref="IntegrationException"/> thrown by the handler counts as a failed replay.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Replay_HandlerThrowsIntegrationException_CountsAsFailure()
    {
        var (store, _, tenant) = await NewAsync();
        var item = await store.AddAsync(Failure(tenant, "key-1"));

        var result = await store.ReplayAsync(tenant, item.Id, (_, _) => throw new IntegrationException("psa.unavailable", "Down.", isTransient: true));

        Assert.Equal(DeadLetterReplayStatus.Failed, result.Status);
        Assert.Equal("psa.unavailable", Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = tenant })).Items).ErrorCode);
    }

    /// <summary>Checks that a resolved item is not replayed again.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Replay_ResolvedItem_HandlerNotCalled()
    {
        var (store, _, tenant) = await NewAsync();
        var item = await store.AddAsync(Failure(tenant, "key-1"));
        await store.ReplayAsync(tenant, item.Id, Succeed);
        var calls = 0;

        var result = await store.ReplayAsync(tenant, item.Id, (_, _) =>
        {
            calls++;
            return ValueTask.FromResult(ReplayOutcome.Success);
        });

        Assert.Equal(DeadLetterReplayStatus.AlreadyResolved, result.Status);
        Assert.Equal(0, calls);
    }

    /// <summary>Checks that an unknown id, or an id of another tenant, is a typed not-found error.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Replay_UnknownOrForeignId_ThrowsNotFound()
    {
        var (store, _, tenant) = await NewAsync();
        var foreign = await store.AddAsync(Failure(NewTenant(), "key-1"));

        var unknown = await Assert.ThrowsAsync<IntegrationException>(async () => await store.ReplayAsync(tenant, Guid.NewGuid(), Succeed));
        var other = await Assert.ThrowsAsync<IntegrationException>(async () => await store.ReplayAsync(tenant, foreign.Id, Succeed));

        Assert.Equal(DeadLetterErrorCodes.NotFound, unknown.ErrorCode);
        Assert.Equal(DeadLetterErrorCodes.NotFound, other.ErrorCode);
    }

    /// <summary>Checks that a bulk replay visits every matching pending item once across batches and counts outcomes.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ReplayBulk_ByFilter_ReplaysEveryMatchOnce()
    {
        var (store, time, tenant) = await NewAsync();
        for (var i = 0; i < 12; i++)
        {
            await store.AddAsync(Failure(tenant, "timeout-" + i.ToString(CultureInfo.InvariantCulture), errorCode: "psa.timeout"));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var other = await store.AddAsync(Failure(tenant, "rejected", errorCode: "psa.rejected"));
        var foreign = await store.AddAsync(Failure(NewTenant(), "timeout-0", errorCode: "psa.timeout"));
        var keys = new List<string>();

        var summary = await store.ReplayAsync(
            new DeadLetterQuery { Tenant = tenant, ErrorCode = "psa.timeout", PageSize = 5 },
            (item, _) =>
            {
                keys.Add(item.IdempotencyKey);
                return ValueTask.FromResult(item.IdempotencyKey.EndsWith('7') ? ReplayOutcome.Failure("psa.timeout", "Again.") : ReplayOutcome.Success);
            });

        Assert.Equal(new DeadLetterReplaySummary(11, 1), summary);
        Assert.Equal(12, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(12, keys.Count);
        var pending = (await store.ListAsync(new DeadLetterQuery { Tenant = tenant })).Items;
        Assert.Equal(["rejected", "timeout-7"], pending.Select(v => v.IdempotencyKey).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(other.Id, pending.Single(v => v.IdempotencyKey == "rejected").Id);
        Assert.Equal(DeadLetterStatus.Pending, Assert.Single((await store.ListAsync(new DeadLetterQuery { Tenant = foreign.Tenant })).Items).Status);
    }

    /// <summary>Checks that running a bulk replay again does not call the handler for items already resolved.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task ReplayBulk_RunTwice_ResolvedItemsNotReplayedAgain()
    {
        var (store, _, tenant) = await NewAsync();
        await store.AddAsync(Failure(tenant, "a"));
        await store.AddAsync(Failure(tenant, "b"));
        var calls = 0;
        ValueTask<ReplayOutcome> Count(DeadLetterItem item, CancellationToken token)
        {
            calls++;
            return ValueTask.FromResult(ReplayOutcome.Success);
        }

        var first = await store.ReplayAsync(new DeadLetterQuery { Tenant = tenant }, Count);
        var second = await store.ReplayAsync(new DeadLetterQuery { Tenant = tenant }, Count);

        Assert.Equal(new DeadLetterReplaySummary(2, 0), first);
        Assert.Equal(new DeadLetterReplaySummary(0, 0), second);
        Assert.Equal(2, calls);
    }

    /// <summary>Checks that purge deletes only resolved items resolved before the cutoff, never pending ones.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Purge_ResolvedBeforeCutoff_DeletesOnlyThose()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = await CreateStoreAsync(time, new DeadLetterOptions());
        var tenant = NewTenant();
        var old = await store.AddAsync(Failure(tenant, "old"));
        var pending = await store.AddAsync(Failure(tenant, "pending"));
        var young = await store.AddAsync(Failure(tenant, "young"));
        await store.ReplayAsync(tenant, old.Id, Succeed);
        time.Advance(TimeSpan.FromDays(40));
        var cutoff = time.GetUtcNow();
        await store.ReplayAsync(tenant, young.Id, Succeed);

        var purged = await store.PurgeAsync(cutoff, 100);

        Assert.Equal(1, purged);
        var left = (await store.ListAsync(new DeadLetterQuery { Tenant = tenant, IncludeResolved = true })).Items;
        Assert.Equal(2, left.Count);
        Assert.DoesNotContain(left, v => v.Id == old.Id);
        Assert.Contains(left, v => v.Id == pending.Id);
        Assert.Contains(left, v => v.Id == young.Id);

        Assert.Equal(1, await store.PurgeAsync(new DateTimeOffset(2019, 12, 31, 0, 0, 0, TimeSpan.Zero), 100));
    }

    /// <summary>Checks that purge deletes at most the batch size per call, oldest resolution first, until none are left.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Purge_MaxBatch_BoundsEachCall()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = await CreateStoreAsync(time, new DeadLetterOptions());
        var tenant = NewTenant();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var item = await store.AddAsync(Failure(tenant, "key-" + i.ToString(CultureInfo.InvariantCulture)));
            ids.Add(item.Id);
        }

        for (var i = 4; i >= 0; i--)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await store.ReplayAsync(tenant, ids[i], Succeed);
        }

        var cutoff = new DateTimeOffset(2018, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var first = await store.PurgeAsync(cutoff, 2);
        var left = (await store.ListAsync(new DeadLetterQuery { Tenant = tenant, IncludeResolved = true })).Items;

        Assert.Equal(2, first);
        Assert.Equal(new[] { ids[0], ids[1], ids[2] }.Order().ToArray(), left.Select(v => v.Id).Order().ToArray());
        Assert.Equal(2, await store.PurgeAsync(cutoff, 2));
        Assert.Equal(1, await store.PurgeAsync(cutoff, 2));
        Assert.Equal(0, await store.PurgeAsync(cutoff, 2));
    }

    /// <summary>Checks that a batch size below 1 is refused.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Purge_ZeroBatch_ThrowsArgumentOutOfRange()
    {
        var (store, time, _) = await NewAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.PurgeAsync(time.GetUtcNow(), 0));
    }

    /// <summary>Creates the store under test, empty for the tenants this suite uses.</summary>
    /// <param name="timeProvider">The clock the store must use for every time it records.</param>
    /// <param name="options">The redaction settings the store must apply in listings.</param>
    /// <returns>The store.</returns>
    protected abstract ValueTask<IDeadLetterStore> CreateStoreAsync(TimeProvider timeProvider, DeadLetterOptions options);

    private static string NewTenant() => "t-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private static ValueTask<ReplayOutcome> Succeed(DeadLetterItem item, CancellationToken cancellationToken) => ValueTask.FromResult(ReplayOutcome.Success);

    private static DeadLetterFailure Failure(
        string tenant,
        string key,
        string errorCode = "psa.rejected",
        string source = Source,
        string? correlationId = null,
        byte[]? payload = null,
        string contentType = Json) =>
        new()
        {
            Tenant = tenant,
            Source = source,
            IdempotencyKey = key,
            CorrelationId = correlationId,
            ErrorCode = errorCode,
            ErrorMessage = errorCode == "psa.rejected" ? "The PSA rejected the entry." : "Failed: " + errorCode,
            Payload = payload ?? TimeEntryPayload,
            ContentType = contentType,
        };

    private async ValueTask<(IDeadLetterStore Store, ManualTimeProvider Time, string Tenant)> NewAsync(DeadLetterOptions? options = null)
    {
        var time = new ManualTimeProvider();
        return (await CreateStoreAsync(time, options ?? new DeadLetterOptions()), time, NewTenant());
    }
}
