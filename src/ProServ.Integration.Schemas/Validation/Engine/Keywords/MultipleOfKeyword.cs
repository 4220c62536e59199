using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>multipleOf</c>, with exact decimal arithmetic when the values fit.</summary>
internal sealed class MultipleOfKeyword : Keyword
{
    private readonly decimal? _divisorDecimal;
    private readonly double _divisorDouble;
    private readonly string _divisorText;

    public MultipleOfKeyword(JsonElement divisor)
        : base("/multipleOf")
    {
        _divisorDecimal = divisor.TryGetDecimal(out var d) ? d : null;
        _divisorDouble = JsonValues.GetDouble(divisor);
        _divisorText = divisor.GetRawText();
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated) =>
        instance.ValueKind != JsonValueKind.Number || JsonValues.IsMultipleOf(instance, _divisorDecimal, _divisorDouble) ||
        Fail(ref state, "multipleOf", "Expected a multiple of " + _divisorText + " but found " + instance.GetRawText() + ".");
}
