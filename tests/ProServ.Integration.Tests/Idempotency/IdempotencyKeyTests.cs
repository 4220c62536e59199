using FsCheck;
using FsCheck.Fluent;
using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Tests.Idempotency;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("9f1c2b7e-time-entry-42")]
    [InlineData("!~")]
    public void Create_PrintableAscii_KeepsText(string text)
    {
        Assert.Equal(text, IdempotencyKey.Create(text).Value);
        Assert.True(IdempotencyKey.TryCreate(text, out var key));
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\t")]
    [InlineData("café")]
    public void Create_InvalidText_Throws(string text)
    {
        Assert.Throws<ArgumentException>(() => IdempotencyKey.Create(text));
        Assert.False(IdempotencyKey.TryCreate(text, out _));
    }

    [Fact]
    public void Create_LengthBounds_255AcceptedAnd256Rejected()
    {
        Assert.Equal(255, IdempotencyKey.Create(new string('k', 255)).Value.Length);
        Assert.Throws<ArgumentException>(() => IdempotencyKey.Create(new string('k', 256)));
        Assert.False(IdempotencyKey.TryCreate(null, out _));
    }

    [Fact]
    public void Derive_KnownInput_MatchesPublishedDerivation()
    {
        // Pinned: a changed value here means every stored key would stop matching. A new derivation needs a new tag.
        var key = IdempotencyKey.Derive("acme", "billing.post-time-entry", "0195a3c4-0000-7000-8000-000000000001", 3);

        Assert.StartsWith("pik1.", key.Value, StringComparison.Ordinal);
        Assert.Equal(48, key.Value.Length);
        Assert.Equal(key, IdempotencyKey.Create(key.Value));
        Assert.Equal(DerivedKeyPin, key.Value);
    }

    [Fact]
    public void Derive_SeparatorInsideField_DoesNotCollide()
    {
        Assert.NotEqual(IdempotencyKey.Derive("a|b", "c", "id", 1), IdempotencyKey.Derive("a", "b|c", "id", 1));
        Assert.NotEqual(IdempotencyKey.Derive("ab", "", "id", 1), IdempotencyKey.Derive("a", "b", "id", 1));
        Assert.NotEqual(IdempotencyKey.Derive("t", "op", "id", 1), IdempotencyKey.Derive("t", "op", "id", 2));
    }

    [Fact]
    public void Derive_AnyTuple_IsDeterministicAndValid()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<string>().Filter(s => s is not null),
                ArbMap.Default.ArbFor<string>().Filter(s => s is not null),
                ArbMap.Default.ArbFor<long>(),
                (tenant, id, version) =>
                {
                    var first = IdempotencyKey.Derive(tenant, "billing.post", id, version);
                    var second = IdempotencyKey.Derive(new string(tenant.AsSpan()), "billing.post", new string(id.AsSpan()), version);
                    return first == second && IdempotencyKey.TryCreate(first.Value, out _);
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Derive_DifferentTuples_GiveDifferentKeys()
    {
        var pair = ArbMap.Default.ArbFor<(string, string)>().Filter(p => p.Item1 is not null && p.Item2 is not null);
        Prop.ForAll(
                pair,
                pair,
                (left, right) =>
                {
                    var same = string.Equals(left.Item1, right.Item1, StringComparison.Ordinal) && string.Equals(left.Item2, right.Item2, StringComparison.Ordinal);
                    var a = IdempotencyKey.Derive(left.Item1, left.Item2, "id", 1);
                    var b = IdempotencyKey.Derive(right.Item1, right.Item2, "id", 1);
                    return same == (a == b);
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Derive_SplitPointMoved_GivesDifferentKeys()
    {
        // Concatenation-based keys collide when the boundary between two fields moves; length prefixes do not.
        Prop.ForAll(
                ArbMap.Default.ArbFor<NonEmptyString>(),
                ArbMap.Default.ArbFor<NonEmptyString>(),
                (left, right) =>
                {
                    var joined = left.Get + "|" + right.Get;
                    var cut = joined.IndexOf('|', StringComparison.Ordinal);
                    var moved = joined.LastIndexOf('|');
                    var a = IdempotencyKey.Derive("t", joined[..cut], joined[(cut + 1)..], 1);
                    var b = IdempotencyKey.Derive("t", joined[..moved], joined[(moved + 1)..], 1);
                    return (cut == moved) == (a == b);
                })
            .QuickCheckThrowOnFailure();
    }

    // Computed independently from the documented derivation (Python hashlib), not copied from this implementation.
    private const string DerivedKeyPin = "pik1.mgC8pkd26Mer2uGKlBG0uIAiS3sdwnMiAFgegEb1wTk";
}
