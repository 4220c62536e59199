using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Tests.Idempotency;

public sealed class RequestFingerprintTests
{
    [Fact]
    public void FromBytes_KnownInput_IsSha256Hex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", RequestFingerprint.FromBytes("abc"u8).Value);
    }

    [Fact]
    public void FromJson_PropertyOrderAndWhitespace_DoNotMatter()
    {
        var a = RequestFingerprint.FromJson("{\"hours\":7.5,\"entry\":{\"id\":\"x\",\"b\":[1,2]}}"u8.ToArray());
        var b = RequestFingerprint.FromJson("{ \"entry\" : { \"b\" : [ 1, 2 ], \"id\" : \"x\" },\n \"hours\" : 7.5 }"u8.ToArray());

        Assert.Equal(a, b);
    }

    [Fact]
    public void FromJson_DifferentValuesOrArrayOrder_Differ()
    {
        Assert.NotEqual(RequestFingerprint.FromJson("{\"hours\":7.5}"u8.ToArray()), RequestFingerprint.FromJson("{\"hours\":8}"u8.ToArray()));
        Assert.NotEqual(RequestFingerprint.FromJson("[1,2]"u8.ToArray()), RequestFingerprint.FromJson("[2,1]"u8.ToArray()));
        Assert.NotEqual(RequestFingerprint.FromJson("{\"a\":\"1\"}"u8.ToArray()), RequestFingerprint.FromJson("{\"a\":1}"u8.ToArray()));
    }

    [Fact]
    public void Parse_RoundTripsAndNormalisesCase()
    {
        var fingerprint = RequestFingerprint.FromBytes("abc"u8);

        Assert.Equal(fingerprint, RequestFingerprint.Parse(fingerprint.Value.ToUpperInvariant()));
        Assert.Throws<FormatException>(() => RequestFingerprint.Parse("abc"));
        Assert.False(RequestFingerprint.TryParse(new string('g', 64), out _));
    }

    [Fact]
    public void FromJson_ShuffledProperties_SameFingerprint()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<Dictionary<NonEmptyString, int>>(),
                ArbMap.Default.ArbFor<int>(),
                (properties, seed) =>
                {
                    var pairs = properties.Select(p => (Name: p.Key.Get, p.Value)).ToList();
                    var shuffled = pairs.OrderBy(_ => Random.Shared.Next()).ToList();
                    return RequestFingerprint.FromJson(Encoding.UTF8.GetBytes(ToJson(pairs)))
                        == RequestFingerprint.FromJson(Encoding.UTF8.GetBytes(ToJson(shuffled)));
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void FromBytes_SameBytes_SameFingerprint()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<byte[]>().Filter(b => b is not null),
                bytes => RequestFingerprint.FromBytes(bytes) == RequestFingerprint.FromBytes(bytes.ToArray())
                    && RequestFingerprint.FromBytes(bytes).Value.Length == 64)
            .QuickCheckThrowOnFailure();
    }

    private static string ToJson(List<(string Name, int Value)> pairs)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in pairs)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
