using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>allOf</c>.</summary>
internal sealed class AllOfKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly string[] _locations;

    public AllOfKeyword(SchemaNode[] schemas)
        : base("/allOf")
    {
        _schemas = schemas;
        _locations = Locations.Indexed("/allOf", schemas.Length);
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var valid = true;
        for (var i = 0; i < _schemas.Length; i++)
        {
            if (!Apply.InPlace(_schemas[i], instance, _locations[i], ref state, evaluated))
            {
                valid = false;
                if (state.StopAfterFailure)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
