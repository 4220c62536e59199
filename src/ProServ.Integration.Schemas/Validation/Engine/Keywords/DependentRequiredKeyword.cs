using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>dependentRequired</c>.</summary>
internal sealed class DependentRequiredKeyword : Keyword
{
    private readonly (byte[] Name, string Text, byte[][] Required, string[] RequiredTexts)[] _rules;

    public DependentRequiredKeyword((byte[] Name, string Text, byte[][] Required, string[] RequiredTexts)[] rules)
        : base("/dependentRequired")
    {
        _rules = rules;
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var rule in _rules)
        {
            if (!instance.TryGetProperty(rule.Name, out _))
            {
                continue;
            }

            for (var i = 0; i < rule.Required.Length; i++)
            {
                if (!instance.TryGetProperty(rule.Required[i], out _))
                {
                    valid = Fail(ref state, "Expected property '" + rule.RequiredTexts[i] + "' because '" + rule.Text + "' is present, but it is missing.");
                    if (state.StopAfterFailure)
                    {
                        return false;
                    }
                }
            }
        }

        return valid;
    }
}
