using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>prefixItems</c> and <c>items</c>.</summary>
internal sealed class ItemsKeyword : Keyword
{
    private readonly SchemaNode[] _prefix;
    private readonly string[] _prefixLocations;
    private readonly SchemaNode? _items;

    public ItemsKeyword(SchemaNode[] prefix, SchemaNode? items)
        : base(prefix.Length > 0 ? "/prefixItems" : "/items")
    {
        _prefix = prefix;
        _items = items;
        _prefixLocations = new string[prefix.Length];
        for (var i = 0; i < prefix.Length; i++)
        {
            _prefixLocations[i] = "/prefixItems" + JsonPointer.Segment(i);
        }
    }

    /// <summary>Gets the <c>prefixItems</c> subschemas.</summary>
    public ReadOnlySpan<SchemaNode> Prefix => _prefix;

    /// <summary>Gets the keyword locations of the <c>prefixItems</c> entries.</summary>
    public ReadOnlySpan<string> PrefixLocations => _prefixLocations;

    /// <summary>Gets the <c>items</c> subschema, if any.</summary>
    public SchemaNode? Items => _items;

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            bool ok;
            if (index < _prefix.Length)
            {
                ok = Apply.Item(_prefix[index], item, index, _prefixLocations[index], ref state);
            }
            else if (_items is not null)
            {
                ok = Apply.Item(_items, item, index, "/items", ref state);
            }
            else
            {
                break;
            }

            if (!ok)
            {
                valid = false;
                if (state.StopAfterFailure)
                {
                    return false;
                }
            }

            index++;
        }

        if (evaluated is not null)
        {
            evaluated.MarkItemsPrefix(Math.Min(index, _prefix.Length));
            if (_items is not null)
            {
                evaluated.MarkAllItems();
            }
        }

        return valid;
    }
}
