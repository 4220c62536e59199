using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>
/// Adjacent numeric keywords of one schema object (e.g. <c>exclusiveMinimum</c>, <c>maximum</c>, <c>multipleOf</c>),
/// run in their order against a number parsed once; each reports its own errors.
/// </summary>
internal sealed class NumericGroupKeyword : Keyword
{
    private readonly NumericKeyword[] _parts;

    public NumericGroupKeyword(NumericKeyword[] parts)
        : base(parts[0].Location)
    {
        _parts = parts;
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        return EvaluateScalar(ScalarValue.FromNumber(instance), ref state);
    }

    public override bool EvaluateScalar(in ScalarValue value, ref EvaluationState state)
    {
        if (value.Kind != JsonValueKind.Number)
        {
            return true;
        }

        var valid = true;
        foreach (var part in _parts)
        {
            if (!part.Check(value, ref state))
            {
                valid = false;
                if (state.StopAfterFailure)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
