using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>required</c>.</summary>
internal sealed class RequiredKeyword : Keyword
{
    private readonly byte[][] _names;
    private readonly string[] _texts;

    public RequiredKeyword(string[] names)
        : base("/required")
    {
        _texts = names;
        _names = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            _names[i] = System.Text.Encoding.UTF8.GetBytes(names[i]);
        }
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        for (var i = 0; i < _names.Length; i++)
        {
            if (!instance.TryGetProperty(_names[i], out _))
            {
                valid = Fail(ref state, "required", "Expected required property '" + _texts[i] + "' but it is missing.");
                if (state.StopAfterFailure)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
