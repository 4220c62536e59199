using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>anyOf</c> and <c>oneOf</c>.</summary>
internal sealed class AnyOfKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly bool _exactlyOne;

    public AnyOfKeyword(SchemaNode[] schemas, bool exactlyOne)
        : base(exactlyOne ? "/oneOf" : "/anyOf")
    {
        _schemas = schemas;
        _exactlyOne = exactlyOne;
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var matches = 0;
        var first = -1;
        var second = -1;
        for (var i = 0; i < _schemas.Length; i++)
        {
            var branch = evaluated is null ? null : new EvaluatedSet();
            if (!Apply.Probe(_schemas[i], instance, ref state, branch))
            {
                continue;
            }

            matches++;
            if (first < 0)
            {
                first = i;
            }
            else if (second < 0)
            {
                second = i;
            }

            if (branch is not null)
            {
                evaluated!.Merge(branch);
            }
            else if (!_exactlyOne || matches > 1)
            {
                break;
            }
        }

        if (_exactlyOne)
        {
            return matches == 1 || (state.Collect && Fail(ref state, matches == 0
                ? "Expected the value to match exactly one schema of 'oneOf' but it matched none."
                : string.Create(CultureInfo.InvariantCulture, $"Expected the value to match exactly one schema of 'oneOf' but it matched several (at least {first} and {second}).")));
        }

        return matches > 0 || (state.Collect && Fail(ref state, string.Create(CultureInfo.InvariantCulture, $"Expected the value to match at least one of the {_schemas.Length} schemas of 'anyOf' but it matched none.")));
    }
}
