using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>contains</c> with <c>minContains</c> and <c>maxContains</c>.</summary>
internal sealed class ContainsKeyword : Keyword
{
    private const string MinContainsCode = SchemaErrorCodes.KeywordPrefix + "minContains";
    private const string MaxContainsCode = SchemaErrorCodes.KeywordPrefix + "maxContains";

    private readonly SchemaNode _schema;
    private readonly long _min;
    private readonly long? _max;
    private readonly bool _hasMin;

    public ContainsKeyword(SchemaNode schema, long? min, long? max)
        : base("/contains")
    {
        _schema = schema;
        _min = min ?? 1;
        _hasMin = min is not null;
        _max = max;
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        long count = 0;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (Apply.ProbeChild(_schema, item, ref state))
            {
                count++;
                evaluated?.MarkItem(index);
                if (evaluated is null && _max is null && count >= _min)
                {
                    return true;
                }
            }

            index++;
        }

        if (count < _min)
        {
            if (!state.Collect)
            {
                return false;
            }

            state.AddError(_hasMin ? MinContainsCode : Code, _hasMin ? "/minContains" : "/contains", string.Create(CultureInfo.InvariantCulture, $"Expected at least {_min} items matching 'contains' but found {count}."));
            return false;
        }

        if (_max is long max && count > max)
        {
            if (state.Collect)
            {
                state.AddError(MaxContainsCode, "/maxContains", string.Create(CultureInfo.InvariantCulture, $"Expected at most {max} items matching 'contains' but found {count}."));
            }

            return false;
        }

        return true;
    }
}
