using ProServ.Integration.Model;

namespace ProServ.Integration.Abstractions.Tests.Model;

public sealed class OpenEnumTests
{
    [Theory]
    [InlineData(OpportunityStage.ClosedWon, "closed-won")]
    [InlineData(EngagementStatus.OnHold, "on-hold")]
    [InlineData(BillingMethod.TimeAndMaterials, "time-and-materials")]
    [InlineData(InvoiceStatus.PartiallyPaid, "partially-paid")]
    [InlineData(PaymentMethod.BankTransfer, "bank-transfer")]
    [InlineData(RecurrencePeriod.SemiAnnually, "semi-annually")]
    public void GetWireName_Member_IsKebabCase(object member, string expected)
    {
        var name = member switch
        {
            OpportunityStage s => OpenEnum.GetWireName(s),
            EngagementStatus s => OpenEnum.GetWireName(s),
            BillingMethod s => OpenEnum.GetWireName(s),
            InvoiceStatus s => OpenEnum.GetWireName(s),
            PaymentMethod s => OpenEnum.GetWireName(s),
            RecurrencePeriod s => OpenEnum.GetWireName(s),
            _ => throw new ArgumentOutOfRangeException(nameof(member)),
        };

        Assert.Equal(expected, name);
    }

    [Fact]
    public void Parse_KnownWireName_IsKnown()
    {
        var status = OpenEnum.Parse<TimeEntryStatus>("approved");

        Assert.True(status.IsKnown);
        Assert.Equal(TimeEntryStatus.Approved, status.Value);
        Assert.Equal("approved", status.RawValue);
        Assert.Equal(TimeEntryStatus.Approved, status);
    }

    [Fact]
    public void Parse_UnknownWireName_KeepsRawValue()
    {
        var status = OpenEnum.Parse<TimeEntryStatus>("pending-second-approval");

        Assert.False(status.IsKnown);
        Assert.Equal(TimeEntryStatus.Unknown, status.Value);
        Assert.Equal("pending-second-approval", status.RawValue);
        Assert.NotEqual(OpenEnum.Parse<TimeEntryStatus>("other-value"), status);
        Assert.Equal(OpenEnum.Parse<TimeEntryStatus>("pending-second-approval"), status);
    }

    [Theory]
    [InlineData("Approved")]
    [InlineData("APPROVED")]
    [InlineData("unknown")]
    public void Parse_NotExactKebabName_IsUnknown(string raw)
    {
        var status = OpenEnum.Parse<TimeEntryStatus>(raw);

        Assert.False(status.IsKnown);
        Assert.Equal(raw, status.RawValue);
    }

    [Fact]
    public void TryParse_EmptyOrTooLong_ReturnsFalse()
    {
        Assert.False(OpenEnum.TryParse<TimeEntryStatus>(string.Empty, out _));
        Assert.False(OpenEnum.TryParse<TimeEntryStatus>(new string('a', 65), out _));
        Assert.False(OpenEnum.TryParse<TimeEntryStatus>(null, out _));
        Assert.True(OpenEnum.TryParse<TimeEntryStatus>(new string('a', 64), out _));
    }

    [Fact]
    public void ImplicitConversion_KnownMember_IsKnown_AndPatternMatches()
    {
        OpenEnum<InvoiceStatus> status = InvoiceStatus.Posted;

        var description = status.Value switch
        {
            InvoiceStatus.Posted or InvoiceStatus.Sent => "open",
            InvoiceStatus.Unknown => $"unknown {status.RawValue}",
            _ => "other",
        };

        Assert.True(status.IsKnown);
        Assert.Equal("open", description);
        Assert.True(status == InvoiceStatus.Posted);
    }

    [Fact]
    public void ImplicitConversion_UnknownMember_IsDefault()
    {
        OpenEnum<InvoiceStatus> status = InvoiceStatus.Unknown;

        Assert.Equal(default, status);
        Assert.False(status.IsKnown);
        Assert.Equal(string.Empty, status.RawValue);
    }

    [Fact]
    public void Of_UnknownMember_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenEnum.Of(InvoiceStatus.Unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenEnum.Of((InvoiceStatus)99));
        Assert.True(OpenEnum.Of(InvoiceStatus.Paid).IsKnown);
    }

    [Fact]
    public void GetWireNames_Enum_ListsKnownMembersInOrder()
    {
        Assert.Equal(["draft", "submitted", "approved", "rejected"], OpenEnum.GetWireNames<TimeEntryStatus>());
    }
}
