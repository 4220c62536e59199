using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c> or <c>exclusiveMaximum</c>; exact when both values fit a decimal.</summary>
internal sealed class NumberLimitKeyword : NumericKeyword
{
    private readonly decimal? _limitDecimal;
    private readonly double _limitDouble;
    private readonly bool _isMinimum;
    private readonly bool _exclusive;
    private readonly string _messagePrefix;

    public NumberLimitKeyword(string keyword, JsonElement limit)
        : base("/" + keyword)
    {
        _limitDecimal = limit.TryGetDecimal(out var d) ? d : null;
        _limitDouble = JsonValues.GetDouble(limit);
        _isMinimum = keyword is "minimum" or "exclusiveMinimum";
        _exclusive = keyword.StartsWith("exclusive", StringComparison.Ordinal);
        var relation = (_isMinimum, _exclusive) switch
        {
            (true, false) => "greater than or equal to",
            (true, true) => "greater than",
            (false, false) => "less than or equal to",
            _ => "less than",
        };
        _messagePrefix = "Expected a number " + relation + " " + limit.GetRawText() + " but found ";
    }

    public override bool Check(in ScalarValue number, ref EvaluationState state)
    {
        var c = _limitDecimal is decimal limit && number.HasDecimal ? number.Decimal.CompareTo(limit) : number.GetDouble().CompareTo(_limitDouble);
        var ok = _isMinimum ? (_exclusive ? c > 0 : c >= 0) : (_exclusive ? c < 0 : c <= 0);
        if (ok)
        {
            return true;
        }

        return state.Collect && Fail(ref state, JsonValues.Message(_messagePrefix, number.RawJson, ".", shorten: false));
    }
}
