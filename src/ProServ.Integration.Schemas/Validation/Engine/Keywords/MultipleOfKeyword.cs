using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>multipleOf</c>, with exact decimal arithmetic when the values fit.</summary>
internal sealed class MultipleOfKeyword : NumericKeyword
{
    private readonly decimal? _divisorDecimal;
    private readonly double _divisorDouble;
    private readonly string _messagePrefix;

    public MultipleOfKeyword(JsonElement divisor)
        : base("/multipleOf")
    {
        _divisorDecimal = divisor.TryGetDecimal(out var d) ? d : null;
        _divisorDouble = JsonValues.GetDouble(divisor);
        _messagePrefix = "Expected a multiple of " + divisor.GetRawText() + " but found ";
    }

    public override bool Check(in ScalarValue number, ref EvaluationState state) =>
        (_divisorDecimal is decimal divisor && number.HasDecimal ? number.Decimal % divisor == 0m : JsonValues.IsMultipleOf(number.GetDouble(), _divisorDouble)) ||
        (state.Collect && Fail(ref state, JsonValues.Message(_messagePrefix, number.RawJson, ".", shorten: false)));
}
