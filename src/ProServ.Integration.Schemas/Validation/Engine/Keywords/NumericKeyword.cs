using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>A keyword that applies to numbers only (<c>minimum</c>, <c>maximum</c>, <c>exclusive*</c>, <c>multipleOf</c>), checked against a value parsed once.</summary>
internal abstract class NumericKeyword : Keyword
{
    protected NumericKeyword(string location)
        : base(location)
    {
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        var hasDecimal = instance.TryGetDecimal(out var value);
        return Check(instance, hasDecimal, value, ref state);
    }

    /// <summary>Checks a number; <paramref name="value"/> is its exact value when <paramref name="hasDecimal"/> (it fits a decimal).</summary>
    public abstract bool Check(JsonElement number, bool hasDecimal, decimal value, ref EvaluationState state);
}
