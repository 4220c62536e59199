using ProServ.Integration.Checkpoints;
using ProServ.Integration.DeadLetter;
using ProServ.Integration.Idempotency;
using ProServ.Integration.PostgreSql.Checkpoints;
using ProServ.Integration.PostgreSql.CrossReference;
using ProServ.Integration.PostgreSql.DeadLetter;
using ProServ.Integration.PostgreSql.Idempotency;
using ProServ.Integration.Testing;

namespace ProServ.Integration.PostgreSql.Tests.Schema;

/// <summary>Two tenants using the same keys in every store of one schema never see or change each other's rows.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTenantIsolationTests(PostgreSqlServerFixture server)
{
    private static readonly RequestFingerprint Request = RequestFingerprint.FromBytes("{\"hours\":7.5}"u8);

    [Fact]
    public async Task EveryStore_SameKeysTwoTenants_Isolated()
    {
        var time = new ManualTimeProvider();
        var options = await server.OptionsAsync(GetType());
        var idempotency = new PostgreSqlIdempotencyStore(options, time);
        var checkpoints = new PostgreSqlCheckpointStore(options, time);
        var xref = new PostgreSqlCrossReferenceStore(options, time);
        var deadLetters = new PostgreSqlDeadLetterStore(options, timeProvider: time);
        var key = IdempotencyKey.Create("billing.post-time-entry/TE-1/v1");

        var a = await idempotency.TryBeginAsync("tenant-a", key, Request, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), default);
        await idempotency.CompleteAsync(a.Lease, new IdempotencyOutcome("A"u8, "text/plain"), default);
        await checkpoints.AdvanceAsync("tenant-a", "psa", "projects", 0, "cursor-a");
        var canonicalA = (await xref.GetOrCreateAsync("tenant-a", "client", "salesforce", "001A", Guid.NewGuid)).CanonicalId;
        var itemA = await deadLetters.AddAsync(Failure("tenant-a"));

        var b = await idempotency.TryBeginAsync("tenant-b", key, Request, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), default);
        var canonicalB = await xref.GetOrCreateAsync("tenant-b", "client", "salesforce", "001A", Guid.NewGuid);
        var itemB = await deadLetters.AddAsync(Failure("tenant-b"));

        Assert.Equal(IdempotencyBeginStatus.Acquired, b.Status);
        Assert.Equal(1, b.Lease.Attempt);
        Assert.Null(await checkpoints.GetAsync("tenant-b", "psa", "projects"));
        await Assert.ThrowsAsync<Errors.IntegrationException>(async () => await checkpoints.AdvanceAsync("tenant-b", "psa", "projects", 1, "cursor-b"));
        Assert.True(canonicalB.Created);
        Assert.NotEqual(canonicalA, canonicalB.CanonicalId);
        Assert.Empty(await xref.FindExternalIdsAsync("tenant-b", canonicalA));
        Assert.NotEqual(itemA.Id, itemB.Id);
        Assert.Equal(1, itemB.Attempts);
        Assert.Equal(itemB.Id, Assert.Single((await deadLetters.ListAsync(new DeadLetterQuery { Tenant = "tenant-b" })).Items).Id);
        var replay = await Assert.ThrowsAsync<Errors.IntegrationException>(async () =>
            await deadLetters.ReplayAsync("tenant-b", itemA.Id, (_, _) => ValueTask.FromResult(ReplayOutcome.Success)));
        Assert.Equal(DeadLetterErrorCodes.NotFound, replay.ErrorCode);
        Assert.Equal(CheckpointErrorCodes.Conflict, (await Assert.ThrowsAsync<Errors.IntegrationException>(async () =>
            await checkpoints.AdvanceAsync("tenant-b", "psa", "projects", 1, "cursor-b"))).ErrorCode);
    }

    private static DeadLetterFailure Failure(string tenant) => new()
    {
        Tenant = tenant,
        Source = "psa.time-entries.import",
        IdempotencyKey = "same-key",
        ErrorCode = "psa.rejected",
        ErrorMessage = "Rejected.",
        Payload = "{}"u8.ToArray(),
        ContentType = "application/json",
    };
}
