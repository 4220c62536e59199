using System.Globalization;
using ProServ.Integration.CrossReference;
using ProServ.Integration.Errors;
using Xunit;

// Test code shipped in a library: the same relaxations as eng/test.props (Method_Scenario_Expected names, awaits in test methods).
#pragma warning disable CA1707, CA2007, MA0004

namespace ProServ.Integration.Testing.CrossReference;

/// <summary>
/// Proves that an <see cref="ICrossReferenceStore"/> keeps the rules of the contract; inherit it in a test project and
/// implement <see cref="CreateStoreAsync"/>.
/// </summary>
/// <remarks>
/// Every test creates its own store through <see cref="CreateStoreAsync"/> with a <see cref="ManualTimeProvider"/> and uses
/// its own tenants, so stores that share a database between tests still pass. The race test has eight workers meet the
/// same <see cref="RaceIdCount"/> new external ids (500 unless the derived class passes another number).
/// </remarks>
public abstract class CrossReferenceStoreConformanceTests
{
    private const string Client = "client";
    private const string Crm = "salesforce";
    private const string Psa = "psa";
    private const string Erp = "netsuite";

    /// <summary>Initializes a new instance of the <see cref="CrossReferenceStoreConformanceTests"/> class.</summary>
    /// <param name="raceIdCount">The number of external ids eight workers race on; the issue asks for 500.</param>
    protected CrossReferenceStoreConformanceTests(int raceIdCount = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(raceIdCount);
        RaceIdCount = raceIdCount;
    }

    /// <summary>Gets the number of external ids the concurrent-workers test races on.</summary>
    protected int RaceIdCount { get; }

    /// <summary>Checks that a new external id is linked to the id the factory made, stamped with the store's clock.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task GetOrCreate_NewExternalId_LinksFactoryId()
    {
        var (store, time, tenant) = await NewAsync();
        var id = Guid.NewGuid();

        var result = await store.GetOrCreateAsync(tenant, Client, Crm, "001A", () => id);

        Assert.Equal(new CrossReferenceResult(id, Created: true), result);
        var link = Assert.Single(await store.FindExternalIdsAsync(tenant, id));
        Assert.Equal(new CrossReferenceLink(Client, id, Crm, "001A", time.GetUtcNow()), link);
    }

    /// <summary>Checks that a known external id returns its canonical id and does not create another.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task GetOrCreate_KnownExternalId_ReturnsExistingId()
    {
        var (store, _, tenant) = await NewAsync();
        var first = await store.GetOrCreateAsync(tenant, Client, Crm, "001A", Guid.NewGuid);

        var second = await store.GetOrCreateAsync(tenant, Client, Crm, "001A", Guid.NewGuid);

        Assert.Equal(new CrossReferenceResult(first.CanonicalId, Created: false), second);
    }

    /// <summary>Checks that eight workers meeting the same new external ids at once end with one canonical id per external id.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task GetOrCreate_EightWorkersSameNewIds_OneCanonicalIdEach()
    {
        var (store, _, tenant) = await NewAsync();
        var externalIds = Enumerable.Range(0, RaceIdCount).Select(i => "ext-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        using var start = new ManualResetEventSlim(false);
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            start.Wait();
            var seen = new Dictionary<string, CrossReferenceResult>(StringComparer.Ordinal);
            for (var i = 0; i < externalIds.Length; i++)
            {
                var externalId = externalIds[(i + (worker * 61)) % externalIds.Length];
                seen[externalId] = await store.GetOrCreateAsync(tenant, Client, Crm, externalId, Guid.NewGuid);
            }

            return seen;
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(workers);

        foreach (var externalId in externalIds)
        {
            var ids = results.Select(r => r[externalId].CanonicalId).Distinct().ToArray();
            Assert.Single(ids);
            Assert.Equal(1, results.Count(r => r[externalId].Created));
        }

        var stored = await store.LookupManyAsync(tenant, Client, Crm, externalIds);
        Assert.Equal(externalIds.Length, stored.Count);
        Assert.Equal(externalIds.Length, stored.Values.Distinct().Count());
        foreach (var externalId in externalIds)
        {
            Assert.Equal(results[0][externalId].CanonicalId, stored[externalId]);
        }
    }

    /// <summary>Checks that the same external id in another system, record type or tenant is a different record.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task GetOrCreate_SameIdOtherSystemTypeOrTenant_SeparateRecords()
    {
        var (store, _, tenant) = await NewAsync();
        var otherTenant = NewTenant();

        var ids = new[]
        {
            (await store.GetOrCreateAsync(tenant, Client, Crm, "42", Guid.NewGuid)).CanonicalId,
            (await store.GetOrCreateAsync(tenant, Client, Psa, "42", Guid.NewGuid)).CanonicalId,
            (await store.GetOrCreateAsync(tenant, "engagement", Crm, "42", Guid.NewGuid)).CanonicalId,
            (await store.GetOrCreateAsync(otherTenant, Client, Crm, "42", Guid.NewGuid)).CanonicalId,
        };

        Assert.Equal(4, ids.Distinct().Count());
        Assert.Empty(await store.FindExternalIdsAsync(otherTenant, ids[0]));
    }

    /// <summary>Checks that external ids are compared case-sensitively, exactly as the system writes them.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task GetOrCreate_IdsDifferingInCase_SeparateRecords()
    {
        var (store, _, tenant) = await NewAsync();

        var lower = await store.GetOrCreateAsync(tenant, Client, Crm, "abc", Guid.NewGuid);
        var upper = await store.GetOrCreateAsync(tenant, Client, Crm, "ABC", Guid.NewGuid);

        Assert.NotEqual(lower.CanonicalId, upper.CanonicalId);
    }

    /// <summary>Checks that a factory returning <see cref="Guid.Empty"/> is refused.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task GetOrCreate_FactoryReturnsEmptyGuid_ThrowsArgumentException()
    {
        var (store, _, tenant) = await NewAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.GetOrCreateAsync(tenant, Client, Crm, "1", () => Guid.Empty));
    }

    /// <summary>Checks that another system's id can be attached to a canonical id and both are found.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Link_OtherSystemId_FoundWithCanonicalId()
    {
        var (store, _, tenant) = await NewAsync();
        var id = (await store.GetOrCreateAsync(tenant, Client, Crm, "001A", Guid.NewGuid)).CanonicalId;

        await store.LinkAsync(tenant, Client, id, Psa, "C-7");
        await store.LinkAsync(tenant, Client, id, Erp, "CUST-9");

        var links = await store.FindExternalIdsAsync(tenant, id);
        Assert.Equal([(Erp, "CUST-9"), (Psa, "C-7"), (Crm, "001A")], links.Select(l => (l.System, l.ExternalId)).ToArray());
        Assert.Equal(id, (await store.GetOrCreateAsync(tenant, Client, Psa, "C-7", Guid.NewGuid)).CanonicalId);
    }

    /// <summary>Checks that linking the same pair twice is harmless.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Link_SamePairTwice_NoChange()
    {
        var (store, _, tenant) = await NewAsync();
        var id = Guid.NewGuid();

        await store.LinkAsync(tenant, Client, id, Psa, "C-7");
        await store.LinkAsync(tenant, Client, id, Psa, "C-7");

        Assert.Single(await store.FindExternalIdsAsync(tenant, id));
    }

    /// <summary>Checks that an external id already linked to another canonical id is a conflict and changes nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Link_ExternalIdOfAnotherRecord_ThrowsConflict()
    {
        var (store, _, tenant) = await NewAsync();
        var owner = (await store.GetOrCreateAsync(tenant, Client, Psa, "C-7", Guid.NewGuid)).CanonicalId;
        var other = (await store.GetOrCreateAsync(tenant, Client, Crm, "001B", Guid.NewGuid)).CanonicalId;

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.LinkAsync(tenant, Client, other, Psa, "C-7"));

        Assert.Equal(CrossReferenceErrorCodes.Conflict, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(owner, (await store.LookupManyAsync(tenant, Client, Psa, ["C-7"]))["C-7"]);
    }

    /// <summary>Checks that a canonical id holds one id per system: a second one is a conflict (rekey instead).</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Link_SecondIdInSameSystem_ThrowsConflict()
    {
        var (store, _, tenant) = await NewAsync();
        var id = (await store.GetOrCreateAsync(tenant, Client, Psa, "C-7", Guid.NewGuid)).CanonicalId;

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.LinkAsync(tenant, Client, id, Psa, "C-8"));

        Assert.Equal(CrossReferenceErrorCodes.Conflict, error.ErrorCode);
        Assert.Empty(await store.LookupManyAsync(tenant, Client, Psa, ["C-8"]));
    }

    /// <summary>Checks that a canonical id of one record type cannot be linked as another type.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Link_CanonicalIdOfOtherRecordType_ThrowsConflict()
    {
        var (store, _, tenant) = await NewAsync();
        var id = (await store.GetOrCreateAsync(tenant, Client, Crm, "001A", Guid.NewGuid)).CanonicalId;

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.LinkAsync(tenant, "engagement", id, Psa, "P-1"));

        Assert.Equal(CrossReferenceErrorCodes.Conflict, error.ErrorCode);
    }

    /// <summary>Checks that a page lookup returns the known ids only, tolerates duplicates and respects tenant, type and system.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task LookupMany_PageOfIds_ReturnsKnownOnly()
    {
        var (store, _, tenant) = await NewAsync();
        var a = (await store.GetOrCreateAsync(tenant, Client, Crm, "A", Guid.NewGuid)).CanonicalId;
        var b = (await store.GetOrCreateAsync(tenant, Client, Crm, "B", Guid.NewGuid)).CanonicalId;
        await store.GetOrCreateAsync(tenant, Client, Psa, "C", Guid.NewGuid);
        await store.GetOrCreateAsync(NewTenant(), Client, Crm, "D", Guid.NewGuid);

        var found = await store.LookupManyAsync(tenant, Client, Crm, ["A", "B", "B", "C", "D", "missing"]);

        Assert.Equal(2, found.Count);
        Assert.Equal(a, found["A"]);
        Assert.Equal(b, found["B"]);
    }

    /// <summary>Checks that an empty page needs no work and returns nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task LookupMany_EmptyPage_ReturnsEmpty()
    {
        var (store, _, tenant) = await NewAsync();

        Assert.Empty(await store.LookupManyAsync(tenant, Client, Crm, []));
    }

    /// <summary>Checks that an unknown canonical id has no external ids and no history.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task FindExternalIds_UnknownCanonicalId_ReturnsEmpty()
    {
        var (store, _, tenant) = await NewAsync();

        Assert.Empty(await store.FindExternalIdsAsync(tenant, Guid.NewGuid()));
        Assert.Empty(await store.GetHistoryAsync(tenant, Guid.NewGuid()));
    }

    /// <summary>Checks that a rekey moves the link to the new id and records who changed what and when.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Rekey_KnownId_MovesLinkAndRecordsHistory()
    {
        var (store, time, tenant) = await NewAsync();
        var id = (await store.GetOrCreateAsync(tenant, Client, Erp, "CUST-1", Guid.NewGuid)).CanonicalId;
        time.Advance(TimeSpan.FromMinutes(5));

        var rekeyed = await store.RekeyAsync(tenant, Client, Erp, "CUST-1", "CUST-1-NEW");

        Assert.Equal(id, rekeyed);
        var found = await store.LookupManyAsync(tenant, Client, Erp, ["CUST-1", "CUST-1-NEW"]);
        Assert.Equal(id, Assert.Single(found).Value);
        Assert.Equal("CUST-1-NEW", found.Keys.Single());
        var entry = Assert.Single(await store.GetHistoryAsync(tenant, id));
        Assert.Equal(
            new CrossReferenceHistoryEntry(CrossReferenceChangeKind.Rekeyed, Client, id, null, Erp, "CUST-1", "CUST-1-NEW", time.GetUtcNow()),
            entry);
    }

    /// <summary>Checks that retrying a rekey that already happened is harmless.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Rekey_Retried_NoSecondChange()
    {
        var (store, _, tenant) = await NewAsync();
        var id = (await store.GetOrCreateAsync(tenant, Client, Erp, "CUST-1", Guid.NewGuid)).CanonicalId;
        await store.RekeyAsync(tenant, Client, Erp, "CUST-1", "CUST-2");

        var again = await store.RekeyAsync(tenant, Client, Erp, "CUST-1", "CUST-2");

        Assert.Equal(id, again);
        Assert.Single(await store.GetHistoryAsync(tenant, id));
    }

    /// <summary>Checks that rekeying an id that was never linked is a typed not-found error.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Rekey_UnknownOldId_ThrowsNotFound()
    {
        var (store, _, tenant) = await NewAsync();

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.RekeyAsync(tenant, Client, Erp, "nope", "new"));

        Assert.Equal(CrossReferenceErrorCodes.NotFound, error.ErrorCode);
    }

    /// <summary>Checks that rekeying onto an id owned by another record is a conflict and changes nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Rekey_NewIdOwnedByAnotherRecord_ThrowsConflict()
    {
        var (store, _, tenant) = await NewAsync();
        var first = (await store.GetOrCreateAsync(tenant, Client, Erp, "CUST-1", Guid.NewGuid)).CanonicalId;
        var second = (await store.GetOrCreateAsync(tenant, Client, Erp, "CUST-2", Guid.NewGuid)).CanonicalId;

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.RekeyAsync(tenant, Client, Erp, "CUST-1", "CUST-2"));

        Assert.Equal(CrossReferenceErrorCodes.Conflict, error.ErrorCode);
        var found = await store.LookupManyAsync(tenant, Client, Erp, ["CUST-1", "CUST-2"]);
        Assert.Equal(first, found["CUST-1"]);
        Assert.Equal(second, found["CUST-2"]);
        Assert.Empty(await store.GetHistoryAsync(tenant, first));
    }

    /// <summary>Checks that after a merge the loser's external ids resolve to the survivor and both ids show the merge.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Merge_TwoRecords_LoserIdsResolveToSurvivorWithHistory()
    {
        var (store, time, tenant) = await NewAsync();
        var survivor = (await store.GetOrCreateAsync(tenant, Client, Crm, "001A", Guid.NewGuid)).CanonicalId;
        await store.LinkAsync(tenant, Client, survivor, Psa, "C-1");
        var loser = (await store.GetOrCreateAsync(tenant, Client, Crm, "001B", Guid.NewGuid)).CanonicalId;
        await store.LinkAsync(tenant, Client, loser, Psa, "C-2");
        await store.LinkAsync(tenant, Client, loser, Erp, "CUST-2");
        time.Advance(TimeSpan.FromHours(1));

        await store.MergeAsync(tenant, Client, loser, survivor);

        Assert.Empty(await store.FindExternalIdsAsync(tenant, loser));
        Assert.Equal(5, (await store.FindExternalIdsAsync(tenant, survivor)).Count);
        Assert.Equal(survivor, (await store.GetOrCreateAsync(tenant, Client, Psa, "C-2", Guid.NewGuid)).CanonicalId);
        var expected = new CrossReferenceHistoryEntry(CrossReferenceChangeKind.Merged, Client, loser, survivor, null, null, null, time.GetUtcNow());
        Assert.Equal(expected, Assert.Single(await store.GetHistoryAsync(tenant, loser)));
        Assert.Equal(expected, Assert.Single(await store.GetHistoryAsync(tenant, survivor)));
        Assert.Empty(await store.GetHistoryAsync(NewTenant(), survivor));
    }

    /// <summary>Checks that merging an id that has no links is a typed not-found error and moves nothing.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Merge_UnknownLoser_ThrowsNotFound()
    {
        var (store, _, tenant) = await NewAsync();
        var survivor = (await store.GetOrCreateAsync(tenant, Client, Crm, "001A", Guid.NewGuid)).CanonicalId;

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.MergeAsync(tenant, Client, Guid.NewGuid(), survivor));

        Assert.Equal(CrossReferenceErrorCodes.NotFound, error.ErrorCode);
        Assert.Empty(await store.GetHistoryAsync(tenant, survivor));
    }

    /// <summary>Checks that a record of another tenant cannot be merged.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Merge_LoserOfOtherTenant_ThrowsNotFound()
    {
        var (store, _, tenant) = await NewAsync();
        var survivor = (await store.GetOrCreateAsync(tenant, Client, Crm, "001A", Guid.NewGuid)).CanonicalId;
        var foreign = (await store.GetOrCreateAsync(NewTenant(), Client, Crm, "001B", Guid.NewGuid)).CanonicalId;

        var error = await Assert.ThrowsAsync<IntegrationException>(async () => await store.MergeAsync(tenant, Client, foreign, survivor));

        Assert.Equal(CrossReferenceErrorCodes.NotFound, error.ErrorCode);
    }

    /// <summary>Checks that a record cannot be merged into itself.</summary>
    /// <returns>A task.</returns>
    [Fact]
    public async Task Merge_IntoItself_ThrowsArgumentException()
    {
        var (store, _, tenant) = await NewAsync();
        var id = (await store.GetOrCreateAsync(tenant, Client, Crm, "001A", Guid.NewGuid)).CanonicalId;

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await store.MergeAsync(tenant, Client, id, id));
    }

    /// <summary>Creates the store under test, empty for the tenants this suite uses.</summary>
    /// <param name="timeProvider">The clock the store must use for every time it records.</param>
    /// <returns>The store.</returns>
    protected abstract ValueTask<ICrossReferenceStore> CreateStoreAsync(TimeProvider timeProvider);

    private static string NewTenant() => "t-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private async ValueTask<(ICrossReferenceStore Store, ManualTimeProvider Time, string Tenant)> NewAsync()
    {
        var time = new ManualTimeProvider();
        return (await CreateStoreAsync(time), time, NewTenant());
    }
}
