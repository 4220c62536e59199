using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>required</c>: one pass over the instance's properties, each found in a hash table of the required names.</summary>
internal sealed class RequiredKeyword : Keyword
{
    /// <summary>Up to this many names are checked in one pass with a bit mask; more fall back to a lookup per name.</summary>
    private const int MaskLimit = 64;

    /// <summary>Up to this many names are looked up one by one (a backward scan of the object that stops at the match), which beats hashing every property.</summary>
    private const int LookupLimit = 2;

    private readonly byte[][] _names;
    private readonly Utf8NameTable _table;
    private readonly string[] _messages;
    private readonly ulong _all;
    private PropertiesKeyword? _partner;
    private ulong _partnerBits;

    public RequiredKeyword(string[] names)
        : base("/required")
    {
        _names = new byte[names.Length][];
        _messages = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _names[i] = System.Text.Encoding.UTF8.GetBytes(names[i]);
            _messages[i] = "Expected required property '" + names[i] + "' but it is missing.";
        }

        _table = new Utf8NameTable(_names);
        _all = names.Length >= MaskLimit ? ulong.MaxValue : (1UL << names.Length) - 1;
    }

    /// <summary>
    /// Pairs this keyword with the <c>properties</c> of the same schema object when that runs first and names every
    /// required property among its first 64: the object is then known to be complete from the presence that keyword
    /// recorded, without another pass. Called once at compile time.
    /// </summary>
    /// <summary>Gets a value indicating whether the single pass can check this keyword with one bit per name (at most 64 distinct names).</summary>
    public bool CanStream
    {
        get
        {
            if (_names.Length > MaskLimit)
            {
                return false;
            }

            for (var i = 0; i < _names.Length; i++)
            {
                if (_table.Find(_names[i]) != i)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Finds an unescaped property name among the required names (bit index), or -1.</summary>
    public int Find(ReadOnlySpan<byte> utf8Name) => _table.Find(utf8Name);

    /// <summary>Reports each required name whose bit is not in <paramref name="seen"/> (the single pass).</summary>
    public bool CheckSeen(ulong seen, ref EvaluationState state)
    {
        if ((seen & _all) == _all)
        {
            return true;
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if ((seen & (1UL << i)) == 0)
            {
                Fail(ref state, _messages[i]);
            }
        }

        return false;
    }

    public void PairWith(PropertiesKeyword properties)
    {
        ulong bits = 0;
        foreach (var name in _names)
        {
            var index = properties.Names.Find(name);
            if (index is < 0 or >= 64)
            {
                return;
            }

            bits |= 1UL << index;
        }

        _partnerBits = bits;
        _partner = properties;
        properties.RecordPresence();
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        // Every name present by the partner's pass: done. Anything missing goes through the usual checks, which report it.
        if (_partner is not null && state.TryGetPresentMask(_partner, out var present) && (present & _partnerBits) == _partnerBits)
        {
            return true;
        }

        if (_names.Length > MaskLimit || _names.Length <= LookupLimit)
        {
            return EvaluateByLookup(instance, ref state);
        }

        ulong seen = 0;
        foreach (var property in instance.EnumerateObject())
        {
            var index = _table.Find(property);
            if (index >= 0)
            {
                seen |= 1UL << index;
                if (seen == _all)
                {
                    return true;
                }
            }
        }

        // Duplicate names in "required" map to the first of them: mark the others as seen too.
        var valid = true;
        for (var i = 0; i < _names.Length; i++)
        {
            if ((seen & (1UL << i)) == 0 && !instance.TryGetProperty(_names[i], out _))
            {
                valid = Fail(ref state, _messages[i]);
                if (state.StopAfterFailure)
                {
                    return false;
                }
            }
        }

        return valid;
    }

    private bool EvaluateByLookup(JsonElement instance, ref EvaluationState state)
    {
        var valid = true;
        for (var i = 0; i < _names.Length; i++)
        {
            if (!instance.TryGetProperty(_names[i], out _))
            {
                valid = Fail(ref state, _messages[i]);
                if (state.StopAfterFailure)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
