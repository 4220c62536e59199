using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>Applies subschemas to child instances or in place, keeping the evaluation path that errors are located with.</summary>
internal static class Apply
{
    public static bool Property(SchemaNode node, JsonProperty property, string keywordSegment, ref EvaluationState state)
    {
        if (node.BooleanValue == false)
        {
            return state.Collect && DisallowedProperty(ref state, keywordSegment, property);
        }

        state.PushKeyword(keywordSegment);
        state.PushProperty(property);
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

        state.PopInstance();
        state.PopKeyword();
        return ok;
    }

    public static bool Item(SchemaNode node, JsonElement item, int index, string keywordSegment, ref EvaluationState state)
    {
        if (node.BooleanValue == false)
        {
            return state.Collect && DisallowedItem(ref state, keywordSegment, index);
        }

        state.PushKeyword(keywordSegment);
        state.PushItem(index);
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

        state.PopInstance();
        state.PopKeyword();
        return ok;
    }

    /// <summary>Reports a property rejected by a <c>false</c> subschema with the applicator's own code, e.g. <c>schema.additionalProperties</c>.</summary>
    private static bool DisallowedProperty(ref EvaluationState state, string keywordSegment, JsonProperty property)
    {
        var keyword = KeywordOf(keywordSegment);
        state.PushProperty(property);
        state.AddError(SchemaErrorCodes.KeywordPrefix + keyword, keywordSegment, "Expected no property '" + property.Name + "' ('" + keyword + "' is false) but it is present.");
        state.PopInstance();
        return false;
    }

    private static bool DisallowedItem(ref EvaluationState state, string keywordSegment, int index)
    {
        var keyword = KeywordOf(keywordSegment);
        state.PushItem(index);
        state.AddError(SchemaErrorCodes.KeywordPrefix + keyword, keywordSegment, "Expected no item " + index.ToString(CultureInfo.InvariantCulture) + " ('" + keyword + "' is false) but it is present.");
        state.PopInstance();
        return false;
    }

    internal static string KeywordOf(string keywordSegment)
    {
        var slash = keywordSegment.IndexOf('/', 1);
        return slash < 0 ? keywordSegment[1..] : keywordSegment[1..slash];
    }

    public static bool InPlace(SchemaNode node, JsonElement instance, string keywordSegment, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        state.PushKeyword(keywordSegment);
        var ok = node.Evaluate(instance, ref state, evaluated);
        state.PopKeyword();
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
    public static bool Reference(SchemaNode target, JsonElement instance, string keywordSegment, string code, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (state.RefHops >= EvaluationState.MaxRefHops || (state.ShouldCheckStack && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
        {
            if (state.Collect)
            {
                state.AddError(code, keywordSegment, "The reference loops without consuming the instance (more than " + EvaluationState.MaxRefHops.ToString(CultureInfo.InvariantCulture) + " hops at one location).");
            }

            return false;
        }

        state.RefHops++;
        var ok = InPlace(target, instance, keywordSegment, ref state, evaluated);
        state.RefHops--;
        return ok;
    }
}
