using ProServ.Integration.Events;
using ProServ.Integration.Model;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Abstractions.Tests.Model;

public sealed class CanonicalIdTests
{
    [Fact]
    public void New_WithTimeProvider_CreatesVersion7StampedWithProviderTime()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 14, 12, 0, 0, TimeSpan.Zero));

        var id = TimeEntryId.New(time);

        Assert.Equal(7, id.Value.Version);
        var bytes = id.Value.ToByteArray(bigEndian: true);
        var ms = 0L;
        for (var i = 0; i < 6; i++)
        {
            ms = (ms << 8) | bytes[i];
        }

        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds(), ms);
    }

    [Fact]
    public void New_LaterTime_SortsAfterEarlierId()
    {
        var time = new ManualTimeProvider();
        var first = ClientId.New(time);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = ClientId.New(time);

        Assert.True(string.CompareOrdinal(first.ToString(), second.ToString()) < 0);
    }

    [Fact]
    public void Parse_LowercaseHyphenated_RoundTrips()
    {
        const string text = "0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b";

        var id = InvoiceId.Parse(text);

        Assert.Equal(text, id.ToString());
        Assert.Equal(id, InvoiceId.FromGuid(Guid.Parse(text)));
    }

    [Theory]
    [InlineData("0190F3C2-5B6E-7C1D-8A2B-3C4D5E6F7A8B")]
    [InlineData("0190f3c25b6e7c1d8a2b3c4d5e6f7a8b")]
    [InlineData("{0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b}")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8")]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotLowercaseHyphenatedNonNil_ReturnsFalse(string? text)
    {
        Assert.False(PaymentId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionNamingTheType()
    {
        var error = Assert.Throws<FormatException>(() => EngagementId.Parse("nope"));

        Assert.Contains(nameof(EngagementId), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromGuid_Empty_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => EventId.FromGuid(Guid.Empty));
    }

    [Fact]
    public void GenericParse_ThroughInterface_Works()
    {
        static TId ParseAny<TId>(string text)
            where TId : struct, ICanonicalId<TId> => TId.Parse(text);

        var id = ParseAny<MilestoneId>("0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b");

        Assert.Equal("0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b", id.ToString());
    }
}
