using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>unevaluatedProperties</c> or <c>unevaluatedItems</c>; runs after the other keywords of its schema.</summary>
internal sealed class UnevaluatedKeyword : Keyword
{
    private readonly SchemaNode _schema;
    private readonly bool _properties;

    public UnevaluatedKeyword(SchemaNode schema, bool properties)
        : base(properties ? "/unevaluatedProperties" : "/unevaluatedItems")
    {
        _schema = schema;
        _properties = properties;
    }

    public override bool RunsLast => true;

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var valid = true;
        var index = 0;
        if (_properties && instance.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in instance.EnumerateObject())
            {
                if (!evaluated!.IsPropertyEvaluated(index))
                {
                    if (Apply.Property(_schema, property, Location, ref state))
                    {
                        evaluated.MarkProperty(index);
                    }
                    else
                    {
                        valid = false;
                        if (state.StopAfterFailure)
                        {
                            return false;
                        }
                    }
                }

                index++;
            }
        }
        else if (!_properties && instance.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in instance.EnumerateArray())
            {
                if (!evaluated!.IsItemEvaluated(index))
                {
                    if (Apply.Item(_schema, item, index, Location, ref state))
                    {
                        evaluated.MarkItem(index);
                    }
                    else
                    {
                        valid = false;
                        if (state.StopAfterFailure)
                        {
                            return false;
                        }
                    }
                }

                index++;
            }
        }

        return valid;
    }
}
