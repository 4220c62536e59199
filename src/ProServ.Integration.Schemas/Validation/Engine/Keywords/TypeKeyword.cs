using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>type</c>.</summary>
internal sealed class TypeKeyword : Keyword
{
    private readonly JsonTypes _types;
    private readonly string _expected;

    public TypeKeyword(JsonTypes types, string expected)
        : base("/type")
    {
        _types = types;
        _expected = expected;
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var ok = instance.ValueKind switch
        {
            JsonValueKind.Object => _types.HasFlag(JsonTypes.Object),
            JsonValueKind.Array => _types.HasFlag(JsonTypes.Array),
            JsonValueKind.String => _types.HasFlag(JsonTypes.String),
            JsonValueKind.Number => _types.HasFlag(JsonTypes.Number) || (_types.HasFlag(JsonTypes.Integer) && JsonValues.IsInteger(instance)),
            JsonValueKind.True or JsonValueKind.False => _types.HasFlag(JsonTypes.Boolean),
            JsonValueKind.Null => _types.HasFlag(JsonTypes.Null),
            _ => false,
        };
        return ok || Fail(ref state, "type", string.Create(CultureInfo.InvariantCulture, $"Expected type {_expected} but found {JsonValues.TypeName(instance)}."));
    }
}
