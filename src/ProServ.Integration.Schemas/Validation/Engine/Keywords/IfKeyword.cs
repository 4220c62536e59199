using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>if</c>/<c>then</c>/<c>else</c>.</summary>
internal sealed class IfKeyword : Keyword
{
    private readonly SchemaNode _if;
    private readonly SchemaNode? _then;
    private readonly SchemaNode? _else;

    public IfKeyword(SchemaNode condition, SchemaNode? then, SchemaNode? otherwise)
        : base("/if")
    {
        _if = condition;
        _then = then;
        _else = otherwise;
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var branch = evaluated is null ? null : new EvaluatedSet();
        if (Apply.Probe(_if, instance, ref state, branch))
        {
            if (branch is not null)
            {
                evaluated!.Merge(branch);
            }

            return _then is null || Apply.InPlace(_then, instance, "/then", ref state, evaluated);
        }

        return _else is null || Apply.InPlace(_else, instance, "/else", ref state, evaluated);
    }
}
