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

        return Check(ScalarValue.FromNumber(instance), ref state);
    }

    public override bool EvaluateScalar(in ScalarValue value, ref EvaluationState state) =>
        value.Kind != JsonValueKind.Number || Check(value, ref state);

    /// <summary>Checks a number (its exact value is <see cref="ScalarValue.Decimal"/> when it fits a decimal).</summary>
    public abstract bool Check(in ScalarValue number, ref EvaluationState state);
}
