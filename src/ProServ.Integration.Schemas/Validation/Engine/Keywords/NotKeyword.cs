using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>not</c>.</summary>
internal sealed class NotKeyword : Keyword
{
    private readonly SchemaNode _schema;

    public NotKeyword(SchemaNode schema)
        : base("/not")
    {
        _schema = schema;
    }

    /// <summary>The subschema's only keyword when it is a lone <c>const</c> or <c>enum</c> (e.g. <c>not: {const: nil-uuid}</c>), found on first use.</summary>
    private EnumKeyword? _onlyEnum;
    private bool _shapeKnown;

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        // A lone const/enum needs no scope, path or annotations: test the value directly instead of running the subschema.
        // The subschema's keywords are final once validation runs; two threads racing here compute the same answer.
        if (!_shapeKnown)
        {
            _onlyEnum = _schema.BooleanValue is null && _schema.Keywords.Count == 1 ? _schema.Keywords[0] as EnumKeyword : null;
            _shapeKnown = true;
        }

        var matches = _onlyEnum is { } onlyEnum ? onlyEnum.Contains(instance) : Apply.Probe(_schema, instance, ref state, null);
        return !matches ||
            (state.Collect && Fail(ref state, JsonValues.Message("Expected the value not to match the 'not' schema but it does: ", instance, ".")));
    }
}
