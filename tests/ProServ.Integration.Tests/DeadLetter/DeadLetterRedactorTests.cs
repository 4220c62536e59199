using System.Text;
using ProServ.Integration.DeadLetter;

namespace ProServ.Integration.Tests.DeadLetter;

public sealed class DeadLetterRedactorTests
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/vnd.proserv.time-entry+json")]
    public void Redact_JsonMediaTypes_Redacted(string contentType)
    {
        var redactor = new DeadLetterRedactor(new DeadLetterOptions());

        var redacted = redactor.Redact("""{"taxId":"DE123","BANKACCOUNT":"x","n":1}"""u8, contentType);

        Assert.Equal("""{"taxId":"***","BANKACCOUNT":"***","n":1}""", redacted);
    }

    [Fact]
    public void Redact_SensitiveObjectOrArray_WholeValueReplaced()
    {
        var redactor = new DeadLetterRedactor(new DeadLetterOptions());

        var redacted = redactor.Redact("""{"rate":{"amount":"1"},"email":["a@b.c"],"ok":[1,{"unitPrice":2}]}"""u8, "application/json");

        Assert.Equal("""{"rate":"***","email":"***","ok":[1,{"unitPrice":"***"}]}""", redacted);
    }

    [Fact]
    public void Redact_EscapedPointerSegments_Matched()
    {
        var options = new DeadLetterOptions();
        options.SensitivePointers.Add("/a~1b/c~0d");

        var redacted = new DeadLetterRedactor(options).Redact("""{"a/b":{"c~d":"secret","e":"ok"}}"""u8, "application/json");

        Assert.Equal("""{"a/b":{"c~d":"***","e":"ok"}}""", redacted);
    }

    [Fact]
    public void Redact_RootPointer_WholePayloadReplaced()
    {
        var options = new DeadLetterOptions();
        options.SensitivePointers.Add(string.Empty);

        Assert.Equal("\"***\"", new DeadLetterRedactor(options).Redact("""{"a":1}"""u8, "application/json"));
    }

    [Fact]
    public void Constructor_PointerWithoutLeadingSlash_ThrowsArgumentException()
    {
        var options = new DeadLetterOptions();
        options.SensitivePointers.Add("rate");

        Assert.Throws<ArgumentException>(() => new DeadLetterRedactor(options));
    }

    [Fact]
    public void Constructor_EmptyPlaceholder_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => new DeadLetterRedactor(new DeadLetterOptions { RedactionPlaceholder = string.Empty }));
    }

    [Fact]
    public void CreateView_Item_CopiesMetadataAndRedactsPayload()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var item = new DeadLetterItem
        {
            Id = Guid.NewGuid(),
            Tenant = "t",
            Source = "s",
            IdempotencyKey = "k",
            CorrelationId = "c",
            ErrorCode = "e",
            ErrorMessage = "m",
            Payload = Encoding.UTF8.GetBytes("""{"email":"a@b.c"}"""),
            ContentType = "application/json",
            Attempts = 3,
            FirstFailedAt = at,
            LastFailedAt = at.AddHours(1),
            ResolvedAt = at.AddHours(2),
        };

        var view = new DeadLetterRedactor(new DeadLetterOptions()).CreateView(item);

        Assert.Equal((item.Id, "t", "s", "k", "c", "e", "m", 3, at, at.AddHours(1), at.AddHours(2), DeadLetterStatus.Resolved), (view.Id, view.Tenant, view.Source, view.IdempotencyKey, view.CorrelationId, view.ErrorCode, view.ErrorMessage, view.Attempts, view.FirstFailedAt, view.LastFailedAt, view.ResolvedAt, view.Status));
        Assert.Equal("""{"email":"***"}""", view.RedactedPayload);
        Assert.Equal(item.Payload.Length, view.PayloadLength);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void PageSize_OutOfRange_ThrowsArgumentOutOfRange(int pageSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadLetterQuery { PageSize = pageSize });
    }

    [Fact]
    public void Failure_EmptyErrorCode_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => ReplayOutcome.Failure(" ", "m"));
    }
}
