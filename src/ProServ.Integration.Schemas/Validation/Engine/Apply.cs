using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>Applies subschemas to child instances or in place, fixing up the locations of the errors they record.</summary>
internal static class Apply
{
    public static bool Property(SchemaNode node, JsonProperty property, string keywordSegment, ref EvaluationState state)
    {
        if (node.BooleanValue == false)
        {
            return Disallowed(ref state, keywordSegment, JsonPointer.Segment(property.Name), "property '" + property.Name + "'");
        }

        var mark = state.ErrorCount;
        bool ok;
        if (state.EnterChild(out var saved))
        {
            ok = node.Evaluate(property.Value, ref state, null);
            state.LeaveChild(saved);
        }
        else
        {
            ok = false;
        }

        if (!ok && state.ErrorCount > mark)
        {
            state.PrefixChild(mark, JsonPointer.Segment(property.Name), keywordSegment);
        }

        return ok;
    }

    public static bool Item(SchemaNode node, JsonElement item, int index, string keywordSegment, ref EvaluationState state)
    {
        if (node.BooleanValue == false)
        {
            return Disallowed(ref state, keywordSegment, JsonPointer.Segment(index), "item " + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var mark = state.ErrorCount;
        bool ok;
        if (state.EnterChild(out var saved))
        {
            ok = node.Evaluate(item, ref state, null);
            state.LeaveChild(saved);
        }
        else
        {
            ok = false;
        }

        if (!ok && state.ErrorCount > mark)
        {
            state.PrefixChild(mark, JsonPointer.Segment(index), keywordSegment);
        }

        return ok;
    }

    /// <summary>Reports a child rejected by a <c>false</c> subschema with the applicator's own code, e.g. <c>schema.additionalProperties</c>.</summary>
    private static bool Disallowed(ref EvaluationState state, string keywordSegment, string instanceSegment, string what)
    {
        if (state.Collect)
        {
            var slash = keywordSegment.IndexOf('/', 1);
            var keyword = slash < 0 ? keywordSegment[1..] : keywordSegment[1..slash];
            var mark = state.ErrorCount;
            state.AddError(SchemaErrorCodes.KeywordPrefix + keyword, keywordSegment, "Expected no " + what + " ('" + keyword + "' is false) but it is present.");
            state.PrefixChild(mark, instanceSegment, string.Empty);
        }

        return false;
    }

    public static bool InPlace(SchemaNode node, JsonElement instance, string keywordSegment, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var mark = state.ErrorCount;
        var ok = node.Evaluate(instance, ref state, evaluated);
        if (!ok && state.ErrorCount > mark)
        {
            state.PrefixKeyword(mark, keywordSegment);
        }

        return ok;
    }

    /// <summary>Evaluates a subschema only for its outcome, recording no errors.</summary>
    public static bool Probe(SchemaNode node, JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var collect = state.Collect;
        state.Collect = false;
        var ok = node.Evaluate(instance, ref state, evaluated);
        state.Collect = collect;
        return ok;
    }

    /// <summary>Evaluates a subschema against a child instance only for its outcome.</summary>
    public static bool ProbeChild(SchemaNode node, JsonElement child, ref EvaluationState state)
    {
        var collect = state.Collect;
        state.Collect = false;
        bool ok;
        if (state.EnterChild(out var saved))
        {
            ok = node.Evaluate(child, ref state, null);
            state.LeaveChild(saved);
        }
        else
        {
            ok = false;
        }

        state.Collect = collect;
        return ok;
    }

    /// <summary>Follows a reference in place, guarding against loops that never consume the instance.</summary>
    public static bool Reference(SchemaNode target, JsonElement instance, string keywordSegment, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (state.RefHops >= EvaluationState.MaxRefHops || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (state.Collect)
            {
                state.AddError(SchemaErrorCodes.KeywordPrefix + keywordSegment[1..], keywordSegment, "The reference loops without consuming the instance (more than " + EvaluationState.MaxRefHops.ToString(System.Globalization.CultureInfo.InvariantCulture) + " hops at one location).");
            }

            return false;
        }

        state.RefHops++;
        var ok = InPlace(target, instance, keywordSegment, ref state, evaluated);
        state.RefHops--;
        return ok;
    }
}
