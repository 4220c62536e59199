using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>type</c>.</summary>
internal sealed class TypeKeyword : Keyword
{
    private readonly JsonTypes _types;
    private readonly string _messagePrefix;

    public TypeKeyword(JsonTypes types, string expected)
        : base("/type")
    {
        _types = types;
        _messagePrefix = "Expected type " + expected + " but found ";
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var ok = instance.ValueKind switch
        {
            JsonValueKind.Object => (_types & JsonTypes.Object) != JsonTypes.None,
            JsonValueKind.Array => (_types & JsonTypes.Array) != JsonTypes.None,
            JsonValueKind.String => (_types & JsonTypes.String) != JsonTypes.None,
            JsonValueKind.Number => (_types & JsonTypes.Number) != JsonTypes.None || ((_types & JsonTypes.Integer) != JsonTypes.None && JsonValues.IsInteger(instance)),
            JsonValueKind.True or JsonValueKind.False => (_types & JsonTypes.Boolean) != JsonTypes.None,
            JsonValueKind.Null => (_types & JsonTypes.Null) != JsonTypes.None,
            _ => false,
        };
        return ok || (state.Collect && Fail(ref state, string.Concat(_messagePrefix, JsonValues.TypeName(instance), ".")));
    }

    public override bool EvaluateScalar(in ScalarValue value, ref EvaluationState state)
    {
        var ok = value.Kind switch
        {
            JsonValueKind.String => (_types & JsonTypes.String) != JsonTypes.None,
            JsonValueKind.Number => (_types & JsonTypes.Number) != JsonTypes.None || ((_types & JsonTypes.Integer) != JsonTypes.None && JsonValues.IsInteger(value)),
            JsonValueKind.True or JsonValueKind.False => (_types & JsonTypes.Boolean) != JsonTypes.None,
            _ => (_types & JsonTypes.Null) != JsonTypes.None,
        };
        return ok || Fail(ref state, string.Concat(_messagePrefix, JsonValues.TypeName(value), "."));
    }

    /// <summary>Checks an object or array instance in the single pass.</summary>
    public bool EvaluateContainer(bool isObject, ref EvaluationState state)
    {
        var ok = (_types & (isObject ? JsonTypes.Object : JsonTypes.Array)) != JsonTypes.None;
        return ok || Fail(ref state, string.Concat(_messagePrefix, isObject ? "object" : "array", "."));
    }
}
