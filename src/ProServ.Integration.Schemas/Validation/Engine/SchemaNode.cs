using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>A compiled schema object or boolean schema: the keywords to run, built once at parse time.</summary>
internal sealed class SchemaNode
{
    internal const string FalseCode = SchemaErrorCodes.KeywordPrefix + "false";

    private Keyword[] _keywords = [];

    public SchemaNode(SchemaResource resource, bool? booleanValue)
    {
        Resource = resource;
        BooleanValue = booleanValue;
    }

    public SchemaResource Resource { get; }

    public bool? BooleanValue { get; }

    /// <summary>Gets or sets a value indicating whether the node has unevaluatedProperties/Items and so tracks annotations.</summary>
    public bool TracksEvaluated { get; set; }

    public IReadOnlyList<Keyword> Keywords => _keywords;

    public void SetKeywords(List<Keyword> keywords)
    {
        var ordered = new List<Keyword>(keywords.Count);
        foreach (var k in keywords)
        {
            if (!k.RunsLast)
            {
                ordered.Add(k);
            }
        }

        foreach (var k in keywords)
        {
            if (k.RunsLast)
            {
                ordered.Add(k);
            }
        }

        _keywords = [.. GroupNumeric(ordered)];
        PairRequiredWithProperties();
    }

    /// <summary>Replaces each run of two or more adjacent numeric keywords with one group that parses the number once.</summary>
    private static List<Keyword> GroupNumeric(List<Keyword> keywords)
    {
        var grouped = new List<Keyword>(keywords.Count);
        var run = new List<Keywords.NumericKeyword>();
        foreach (var keyword in keywords)
        {
            if (keyword is Keywords.NumericKeyword numeric)
            {
                run.Add(numeric);
                continue;
            }

            Flush(grouped, run);
            grouped.Add(keyword);
        }

        Flush(grouped, run);
        return grouped;

        static void Flush(List<Keyword> grouped, List<Keywords.NumericKeyword> run)
        {
            if (run.Count == 1)
            {
                grouped.Add(run[0]);
            }
            else if (run.Count > 1)
            {
                grouped.Add(new Keywords.NumericGroupKeyword([.. run]));
            }

            run.Clear();
        }
    }

    /// <summary>Lets <c>required</c> reuse the presence found by an earlier <c>properties</c> pass over the same object.</summary>
    private void PairRequiredWithProperties()
    {
        Keywords.PropertiesKeyword? properties = null;
        foreach (var keyword in _keywords)
        {
            if (keyword is Keywords.PropertiesKeyword p)
            {
                properties ??= p;
            }
            else if (keyword is Keywords.RequiredKeyword required && properties is not null)
            {
                required.PairWith(properties);
            }
        }
    }

    public bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (BooleanValue is bool b)
        {
            if (!b && state.Collect)
            {
                state.AddError(FalseCode, string.Empty, "The schema 'false' allows no value.");
            }

            return b;
        }

        var pushed = state.TrackDynamicScope && state.PushScope(Resource);
        var set = TracksEvaluated ? new EvaluatedSet() : evaluated;
        var valid = true;
        var keywords = _keywords;
        for (var i = 0; i < keywords.Length; i++)
        {
            if (!keywords[i].Evaluate(instance, ref state, set))
            {
                valid = false;
                if (state.StopAfterFailure)
                {
                    break;
                }
            }
        }

        if (pushed)
        {
            state.PopScope();
        }

        if (valid && TracksEvaluated && evaluated is not null)
        {
            evaluated.Merge(set!);
        }

        return valid;
    }
}
