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

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated) =>
        !Apply.Probe(_schema, instance, ref state, null) ||
        (state.Collect && Fail(ref state, JsonValues.Message("Expected the value not to match the 'not' schema but it does: ", instance, ".")));
}
