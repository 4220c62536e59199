using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>dependentSchemas</c>.</summary>
internal sealed class DependentSchemasKeyword : Keyword
{
    private readonly PropertySchema[] _schemas;

    public DependentSchemasKeyword(PropertySchema[] schemas)
        : base("/dependentSchemas")
    {
        _schemas = schemas;
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var dependent in _schemas)
        {
            if (instance.TryGetProperty(dependent.Utf8Name, out _) && !Apply.InPlace(dependent.Schema, instance, dependent.Location, ref state, evaluated))
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
