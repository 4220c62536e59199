using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>propertyNames</c>. Each name is parsed as a JSON string to be validated (this allocates; the keyword is rare).</summary>
internal sealed class PropertyNamesKeyword : Keyword
{
    private readonly SchemaNode _schema;

    public PropertyNamesKeyword(SchemaNode schema)
        : base("/propertyNames")
    {
        _schema = schema;
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Object || _schema.BooleanValue == true)
        {
            return true;
        }

        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            using var name = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(property.Name, NameContext.Default.String));
            var mark = state.ErrorCount;
            if (!Apply.InPlace(_schema, name.RootElement, "/propertyNames", ref state, null))
            {
                valid = false;
                state.Truncate(mark);
                Fail(ref state, "Expected property names to match 'propertyNames' but '" + property.Name + "' does not.");
                if (state.StopAfterFailure)
                {
                    return false;
                }
            }
        }

        return valid;
    }
}
