using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>properties</c>, <c>patternProperties</c> and <c>additionalProperties</c>, evaluated in one pass over the instance.</summary>
internal sealed class PropertiesKeyword : Keyword
{
    private readonly PropertySchema[] _properties;
    private readonly PatternSchema[] _patterns;
    private readonly SchemaNode? _additional;
    private readonly Utf8NameTable _names;
    private bool _recordsPresence;

    public PropertiesKeyword(PropertySchema[] properties, PatternSchema[] patterns, SchemaNode? additional)
        : base("/properties")
    {
        _properties = properties;
        _patterns = patterns;
        _additional = additional;
        var names = new byte[properties.Length][];
        for (var i = 0; i < properties.Length; i++)
        {
            names[i] = properties[i].Utf8Name;
        }

        _names = new Utf8NameTable(names);
    }

    /// <summary>Gets the names of <c>properties</c> and finds them in one hash probe (used to pair this keyword with <c>required</c>).</summary>
    public Utf8NameTable Names => _names;

    /// <summary>Gets the <c>properties</c> entries, in the order of <see cref="Names"/>.</summary>
    public ReadOnlySpan<PropertySchema> Properties => _properties;

    /// <summary>Gets a value indicating whether <c>patternProperties</c> is present.</summary>
    public bool HasPatterns => _patterns.Length > 0;

    /// <summary>Gets the <c>additionalProperties</c> subschema, if any.</summary>
    public SchemaNode? Additional => _additional;

    /// <summary>Makes the evaluation record which named properties an object has (see <see cref="EvaluationState.SetPresentMask"/>); set once at compile time.</summary>
    public void RecordPresence() => _recordsPresence = true;

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        var ordinal = -1;
        ulong present = 0;
        foreach (var property in instance.EnumerateObject())
        {
            ordinal++;
            var matched = false;
            if (_properties.Length > 0)
            {
                var index = _names.Find(property);
                if (index >= 0)
                {
                    if (index < 64)
                    {
                        present |= 1UL << index;
                    }

                    matched = true;
                    var candidate = _properties[index];
                    if (!Apply.Property(candidate.Schema, property, candidate.Location, ref state))
                    {
                        valid = false;
                        if (state.StopAfterFailure)
                        {
                            return false;
                        }
                    }
                }
            }

            if (_patterns.Length > 0 && !EvaluatePatterns(property, ref state, ref matched))
            {
                valid = false;
                if (state.StopAfterFailure)
                {
                    return false;
                }
            }

            if (!matched && _additional is not null)
            {
                matched = true;
                if (!Apply.Property(_additional, property, "/additionalProperties", ref state))
                {
                    valid = false;
                    if (state.StopAfterFailure)
                    {
                        return false;
                    }
                }
            }

            if (matched)
            {
                evaluated?.MarkProperty(ordinal);
            }
        }

        if (_recordsPresence)
        {
            state.SetPresentMask(this, present);
        }

        return valid;
    }

    private bool EvaluatePatterns(JsonProperty property, ref EvaluationState state, ref bool matched)
    {
        Span<char> buffer = stackalloc char[JsonValues.StackCharLimit];
        var length = JsonValues.DecodeName(property, buffer, out var rented, out var decoded);
        var valid = true;
        try
        {
            var name = JsonValues.Chars(buffer, length, rented, decoded);
            foreach (var pattern in _patterns)
            {
                if (!pattern.Regex.IsMatch(name))
                {
                    continue;
                }

                matched = true;
                if (!Apply.Property(pattern.Schema, property, pattern.Location, ref state))
                {
                    valid = false;
                    if (state.StopAfterFailure)
                    {
                        return false;
                    }
                }
            }
        }
        finally
        {
            JsonValues.Return(rented);
        }

        return valid;
    }
}
