using System.Runtime.InteropServices;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// Finds a UTF-8 name among a fixed set in one hash probe and one comparison, for <c>properties</c>, <c>required</c>
/// and string <c>enum</c> values. Built once at compile time; read-only and thread-safe afterwards.
/// </summary>
internal sealed class Utf8NameTable
{
    private readonly byte[][] _names;
    private readonly int[] _buckets;
    private readonly int[] _next;
    private readonly int _mask;

    public Utf8NameTable(byte[][] names)
    {
        _names = names;
        var size = 4;
        while (size < names.Length * 2)
        {
            size <<= 1;
        }

        _mask = size - 1;
        _buckets = new int[size];
        _next = new int[names.Length];
        Array.Fill(_buckets, -1);

        // Insert in reverse so that the first of equal names is found first.
        for (var i = names.Length - 1; i >= 0; i--)
        {
            var bucket = Hash(names[i]) & _mask;
            _next[i] = _buckets[bucket];
            _buckets[bucket] = i;
        }
    }

    public int Count => _names.Length;

    /// <summary>Finds an unescaped UTF-8 name; returns its index or -1.</summary>
    public int Find(ReadOnlySpan<byte> utf8)
    {
        for (var i = _buckets[Hash(utf8) & _mask]; i >= 0; i = _next[i])
        {
            if (utf8.SequenceEqual(_names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Finds a property's name, unescaping it only when it holds JSON escapes.</summary>
    public int Find(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Find(raw);
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (property.NameEquals(_names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Finds a string value, unescaping it only when it holds JSON escapes.</summary>
    public int FindString(JsonElement value)
    {
        var raw = JsonValues.RawString(value);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Find(raw);
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (value.ValueEquals(_names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Hash(ReadOnlySpan<byte> utf8) =>
        utf8.Length == 0 ? 0 : (utf8.Length * 31) ^ (utf8[0] * 7) ^ (utf8[^1] << 4) ^ utf8[utf8.Length >> 1];
}
