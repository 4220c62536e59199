using System.Text.Json.Nodes;
using ProServ.Integration.Testing;
using ProServ.Integration.Testing.Fakes;
using Xunit;

namespace ProServ.Integration.Http.Tests.Fakes;

public sealed class FakeRecordTableTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void Create_SameIdempotencyKeyTwice_KeepsOneRecord()
    {
        var table = new FakeRecordTable("Invoice", _clock, n => "INV-" + n);

        var (first, created1) = table.Create(new JsonObject { ["amount"] = "10.00" }, "key-1");
        var (second, created2) = table.Create(new JsonObject { ["amount"] = "10.00" }, "key-1");

        Assert.True(created1);
        Assert.False(created2);
        Assert.Equal("INV-1", first.Id);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, table.Count);
        Assert.Equal(2, table.CreateCalls);
        Assert.Equal(1, table.ReplayedCreates);
    }

    [Fact]
    public void UpdateAndDelete_BumpVersionAndKeepTombstone()
    {
        var table = new FakeRecordTable("Account", _clock);
        var (record, _) = table.Create(new JsonObject { ["Name"] = "Contoso" });
        _clock.Advance(TimeSpan.FromSeconds(5));

        var updated = table.Update(record.Id, d => d["Name"] = "Contoso Ltd");
        _clock.Advance(TimeSpan.FromSeconds(5));
        var deleted = table.Delete(record.Id);

        Assert.NotNull(updated);
        Assert.Equal(2, updated.Version);
        Assert.Equal("Contoso Ltd", (string?)updated.Data["Name"]);
        Assert.True(deleted);
        var tombstone = table.Find(record.Id)!;
        Assert.True(tombstone.IsDeleted);
        Assert.Equal(3, tombstone.Version);
        Assert.Null(table.Update(record.Id, d => d["Name"] = "x"));
        Assert.False(table.Delete(record.Id));
        Assert.Empty(table.Query(null, 0, 10).Page);
        Assert.Single(table.Query(null, 0, 10, includeDeleted: true).Page);
    }

    [Fact]
    public void Find_ReturnsCopy_CallerCannotChangeStoredData()
    {
        var table = new FakeRecordTable("Account", _clock);
        var (record, _) = table.Create(new JsonObject { ["Name"] = "Contoso" });

        table.Find(record.Id)!.Data["Name"] = "Changed outside";

        Assert.Equal("Contoso", (string?)table.Find(record.Id)!.Data["Name"]);
    }

    [Fact]
    public void Query_OrdersByModifiedThenId_AndPagesWithOffset()
    {
        var table = new FakeRecordTable("TimeEntry", _clock, n => n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < 5; i++)
        {
            table.Create(new JsonObject { ["i"] = i });
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var since = _clock.GetUtcNow() - TimeSpan.FromSeconds(3);
        var (page, total) = table.Query(since, 1, 10);

        Assert.Equal(3, total);
        Assert.Equal<string>(["004", "005"], [.. page.Select(r => r.Id)]);
    }

    [Fact]
    public void ModifiedAtLag_StampsEarlierThanRecordsAlreadyVisible()
    {
        var table = new FakeRecordTable("TimeEntry", _clock);
        var (early, _) = table.Create(new JsonObject());
        _clock.Advance(TimeSpan.FromSeconds(30));
        table.ModifiedAtLag = TimeSpan.FromSeconds(60);

        var (late, _) = table.Create(new JsonObject());

        Assert.True(late.ModifiedAt < early.ModifiedAt);
        Assert.True(late.Sequence > early.Sequence);
    }

    [Fact]
    public void CountDuplicates_CountsLiveRecordsSharingANaturalKey()
    {
        var table = new FakeRecordTable("Customer", _clock);
        table.Create(new JsonObject { ["externalId"] = "c-1" });
        table.Create(new JsonObject { ["externalId"] = "c-1" });
        var (third, _) = table.Create(new JsonObject { ["externalId"] = "c-1" });
        table.Create(new JsonObject { ["externalId"] = "c-2" });
        table.Create(new JsonObject());

        Assert.Equal(2, table.CountDuplicates(d => (string?)d["externalId"]));
        table.Delete(third.Id);
        Assert.Equal(1, table.CountDuplicates(d => (string?)d["externalId"]));
    }

    [Fact]
    public void Changed_RaisedForEveryChange()
    {
        var table = new FakeRecordTable("Account", _clock);
        var seen = new List<(string Id, long Version, bool Deleted)>();
        table.Changed += (_, e) => seen.Add((e.Record.Id, e.Record.Version, e.Record.IsDeleted));

        var (record, _) = table.Create(new JsonObject(), "k");
        table.Create(new JsonObject(), "k");
        table.Update(record.Id, d => d["x"] = 1);
        table.Delete(record.Id);

        Assert.Equal([(record.Id, 1L, false), (record.Id, 2L, false), (record.Id, 3L, true)], seen);
    }
}
