using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled length and count limits: <c>minLength</c>/<c>maxLength</c> (code points), <c>minItems</c>/<c>maxItems</c>, <c>minProperties</c>/<c>maxProperties</c>.</summary>
internal sealed class CountKeyword : Keyword
{
    private readonly string _keyword;
    private readonly long _limit;
    private readonly bool _isMinimum;
    private readonly JsonValueKind _kind;
    private readonly string _unit;

    public CountKeyword(string keyword, long limit)
        : base("/" + keyword)
    {
        _keyword = keyword;
        _limit = limit;
        _isMinimum = keyword.StartsWith("min", StringComparison.Ordinal);
        (_kind, _unit) = keyword switch
        {
            "minLength" or "maxLength" => (JsonValueKind.String, "characters"),
            "minItems" or "maxItems" => (JsonValueKind.Array, "items"),
            _ => (JsonValueKind.Object, "properties"),
        };
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != _kind)
        {
            return true;
        }

        long count = _kind switch
        {
            JsonValueKind.String => JsonValues.CodePointLength(instance),
            JsonValueKind.Array => instance.GetArrayLength(),
            _ => instance.GetPropertyCount(),
        };
        return Check(count, ref state);
    }

    /// <summary>Gets the kind of instance the keyword counts in (string, array or object).</summary>
    public JsonValueKind Kind => _kind;

    public override bool EvaluateScalar(in ScalarValue value, ref EvaluationState state) =>
        value.Kind != JsonValueKind.String || Check(JsonValues.CodePointLength(value), ref state);

    /// <summary>Checks a count found elsewhere (the items or properties the single pass counted).</summary>
    public bool Check(long count, ref EvaluationState state) =>
        (_isMinimum ? count >= _limit : count <= _limit) ||
        (state.Collect && Fail(ref state, string.Create(CultureInfo.InvariantCulture, $"Expected {(_isMinimum ? "at least" : "at most")} {_limit} {_unit} but found {count}.")));
}
