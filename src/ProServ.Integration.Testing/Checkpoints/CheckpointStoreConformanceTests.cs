using System.Globalization;
using ProServ.Integration.Checkpoints;
using ProServ.Integration.Errors;
using Xunit;

// Test code shipped in a library: the same relaxations as eng/test.props (Method_Scenario_Expected names, awaits in test methods).
#pragma warning disable CA1707, CA2007, MA0004

namespace ProServ.Integration.Testing.Checkpoints;

/// <summary>
/// Proves that an <see cref="ICheckpointStore"/> keeps the rules of the contract; inherit it in a test project and
/// implement <see cref="CreateStoreAsync"/>.
/// </summary>
/// <remarks>
/// Every test creates its own store through <see cref="CreateStoreAsync"/> with a <see cref="ManualTimeProvider"/> and uses
/// its own tenant, so stores that share a database between tests still pass.
/// </remarks>
public abstract class CheckpointStoreConformanceTests
{
    private const string Connector = "salesforce-crm";
    private const string Stream = "opportunities";

    /// <summary>Checks that a stream that never advanced has no checkpoint.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Get_NeverAdvanced_ReturnsNull()
    {
        var (store, _, tenant) = await NewAsync();

        Assert.Null(await store.GetAsync(tenant, Connector, Stream));
    }

    /// <summary>Checks that the first advance (from version 0) stores the cursor as version 1 with the store's clock.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Advance_FromVersionZero_StoresVersionOne()
    {
        var (store, time, tenant) = await NewAsync();

        var advanced = await store.AdvanceAsync(tenant, Connector, Stream, 0, "cursor-1");

        var expected = new Checkpoint(tenant, Connector, Stream, "cursor-1", 1, time.GetUtcNow());
        Assert.Equal(expected, advanced);
        Assert.Equal(expected, await store.GetAsync(tenant, Connector, Stream));
    }

    /// <summary>Checks that each advance with the current version increments the version and replaces the cursor.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Advance_WithCurrentVersion_IncrementsVersion()
    {
        var (store, time, tenant) = await NewAsync();
        await store.AdvanceAsync(tenant, Connector, Stream, 0, "c1");
        time.Advance(TimeSpan.FromMinutes(1));
        await store.AdvanceAsync(tenant, Connector, Stream, 1, "c2");
        time.Advance(TimeSpan.FromMinutes(1));

        var third = await store.AdvanceAsync(tenant, Connector, Stream, 2, "2026-03-02T09:02:00Z|page=3");

        Assert.Equal(3, third.Version);
        Assert.Equal(new Checkpoint(tenant, Connector, Stream, "2026-03-02T09:02:00Z|page=3", 3, time.GetUtcNow()), await store.GetAsync(tenant, Connector, Stream));
    }

    /// <summary>Checks that an advance with a stale version is a typed conflict and leaves the checkpoint unchanged.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Advance_StaleVersion_ThrowsConflictAndKeepsCheckpoint()
    {
        var (store, _, tenant) = await NewAsync();
        await store.AdvanceAsync(tenant, Connector, Stream, 0, "c1");
        var current = await store.AdvanceAsync(tenant, Connector, Stream, 1, "c2");

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.AdvanceAsync(tenant, Connector, Stream, 1, "stale"));

        Assert.Equal(CheckpointErrorCodes.Conflict, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(current, await store.GetAsync(tenant, Connector, Stream));
    }

    /// <summary>Checks that advancing "from nothing" when a checkpoint exists is a conflict.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Advance_VersionZeroWhenCheckpointExists_ThrowsConflict()
    {
        var (store, _, tenant) = await NewAsync();
        await store.AdvanceAsync(tenant, Connector, Stream, 0, "c1");

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.AdvanceAsync(tenant, Connector, Stream, 0, "again"));

        Assert.Equal(CheckpointErrorCodes.Conflict, error.ErrorCode);
        Assert.Equal("c1", (await store.GetAsync(tenant, Connector, Stream))!.Cursor);
    }

    /// <summary>Checks that advancing from a version the stream never had is a conflict and creates nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Advance_NonZeroVersionWhenMissing_ThrowsConflict()
    {
        var (store, _, tenant) = await NewAsync();

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.AdvanceAsync(tenant, Connector, Stream, 3, "c4"));

        Assert.Equal(CheckpointErrorCodes.Conflict, error.ErrorCode);
        Assert.Null(await store.GetAsync(tenant, Connector, Stream));
    }

    /// <summary>Checks that a negative expected version is refused.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Advance_NegativeVersion_ThrowsArgumentOutOfRange()
    {
        var (store, _, tenant) = await NewAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.AdvanceAsync(tenant, Connector, Stream, -1, "c"));
    }

    /// <summary>Checks that tenants, connectors and streams each have their own checkpoint.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Advance_DifferentTenantConnectorOrStream_Independent()
    {
        var (store, _, tenant) = await NewAsync();
        var otherTenant = NewTenant();
        await store.AdvanceAsync(tenant, Connector, Stream, 0, "a");
        await store.AdvanceAsync(tenant, Connector, "accounts", 0, "b");
        await store.AdvanceAsync(tenant, "psa", Stream, 0, "c");
        await store.AdvanceAsync(otherTenant, Connector, Stream, 0, "d");

        Assert.Equal("a", (await store.GetAsync(tenant, Connector, Stream))!.Cursor);
        Assert.Equal("b", (await store.GetAsync(tenant, Connector, "accounts"))!.Cursor);
        Assert.Equal("c", (await store.GetAsync(tenant, "psa", Stream))!.Cursor);
        Assert.Equal("d", (await store.GetAsync(otherTenant, Connector, Stream))!.Cursor);
        Assert.Null(await store.GetAsync(NewTenant(), Connector, Stream));
    }

    /// <summary>Checks that of eight workers advancing from the same version at once exactly one wins.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Advance_EightWorkersSameVersion_ExactlyOneWins()
    {
        var (store, _, tenant) = await NewAsync();
        await store.AdvanceAsync(tenant, Connector, Stream, 0, "start");
        using var start = new ManualResetEventSlim(false);
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await store.AdvanceAsync(tenant, Connector, Stream, 1, "worker-" + worker.ToString(CultureInfo.InvariantCulture));
                return true;
            }
            catch (IntegrationException ex) when (ex.ErrorCode == CheckpointErrorCodes.Conflict)
            {
                return false;
            }
        })).ToArray();
        start.Set();

        var won = await Task.WhenAll(workers);

        Assert.Equal(1, won.Count(w => w));
        var stored = await store.GetAsync(tenant, Connector, Stream);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("worker-" + Array.IndexOf(won, true).ToString(CultureInfo.InvariantCulture), stored.Cursor);
    }

    /// <summary>Checks that workers that re-read after a conflict never lose an advance: the final version counts them all.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Advance_WorkersRetryingAfterConflict_NoAdvanceLost()
    {
        var (store, _, tenant) = await NewAsync();
        const int perWorker = 20;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var done = 0; done < perWorker;)
            {
                var current = await store.GetAsync(tenant, Connector, Stream);
                var version = current?.Version ?? 0;
                try
                {
                    await store.AdvanceAsync(tenant, Connector, Stream, version, (version + 1).ToString(CultureInfo.InvariantCulture));
                    done++;
                }
                catch (IntegrationException ex) when (ex.ErrorCode == CheckpointErrorCodes.Conflict)
                {
                    // Lost the race: re-read and try again.
                }
            }
        })).ToArray();

        await Task.WhenAll(workers);

        var stored = await store.GetAsync(tenant, Connector, Stream);
        Assert.Equal(4 * perWorker, stored!.Version);
        Assert.Equal((4 * perWorker).ToString(CultureInfo.InvariantCulture), stored.Cursor);
    }

    /// <summary>Creates the store under test, empty for the tenants this suite uses.</summary>
    /// <param name="timeProvider">The clock the store must use for every time it records.</param>
    /// <returns>The store.</returns>
    protected abstract ValueTask<ICheckpointStore> CreateStoreAsync(TimeProvider timeProvider);

    private static string NewTenant() => "t-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private async ValueTask<(ICheckpointStore Store, ManualTimeProvider Time, string Tenant)> NewAsync()
    {
        var time = new ManualTimeProvider();
        return (await CreateStoreAsync(time), time, NewTenant());
    }
}
