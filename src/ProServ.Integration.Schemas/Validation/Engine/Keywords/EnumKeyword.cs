using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>enum</c> and <c>const</c>: JSON equality (1 equals 1.0); strings found as UTF-8 in one hash probe, without allocation.</summary>
internal sealed class EnumKeyword : Keyword
{
    private readonly JsonElement[] _nonStrings;
    private readonly Utf8NameTable _strings;
    private readonly string _messagePrefix;

    public EnumKeyword(string keyword, JsonElement[] values)
        : base("/" + keyword)
    {
        var strings = new List<byte[]>(values.Length);
        var nonStrings = new List<JsonElement>();
        var descriptions = new List<string>(values.Length);
        foreach (var value in values)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                strings.Add(System.Text.Encoding.UTF8.GetBytes(value.GetString()!));
            }
            else
            {
                nonStrings.Add(value);
            }

            descriptions.Add(JsonValues.Describe(value));
        }

        _strings = new Utf8NameTable([.. strings]);
        _nonStrings = [.. nonStrings];
        var expected = keyword == "const" ? descriptions[0] : "one of " + string.Join(", ", descriptions);
        _messagePrefix = "Expected " + expected + " but found ";
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated) =>
        Contains(instance) || (state.Collect && Fail(ref state, JsonValues.Message(_messagePrefix, instance, ".")));

    /// <summary>Gets a value indicating whether an allowed value is an object or array (the single pass then leaves the schema to the tree walk).</summary>
    public bool HasContainerValues => Array.Exists(_nonStrings, v => v.ValueKind is JsonValueKind.Object or JsonValueKind.Array);

    public override bool EvaluateScalar(in ScalarValue value, ref EvaluationState state) =>
        Contains(value) || Fail(ref state, JsonValues.Message(_messagePrefix, value.RawJson, "."));

    /// <summary>Fails an object or array instance in the single pass (the planner only routes here when no allowed value is one).</summary>
    public bool EvaluateContainer(bool isObject, ref EvaluationState state) =>
        Fail(ref state, string.Concat(_messagePrefix, isObject ? "an object" : "an array", "."));

    private bool Contains(in ScalarValue value)
    {
        switch (value.Kind)
        {
            case JsonValueKind.String:
                if (_strings.Count == 0)
                {
                    return false;
                }

                return value.Decoded is null
                    ? _strings.Find(value.RawString) >= 0
                    : _strings.Find(System.Text.Encoding.UTF8.GetBytes(value.Decoded)) >= 0;
            case JsonValueKind.Number:
                if (_nonStrings.Length == 0)
                {
                    return false;
                }

                // Numbers compare by value (1 equals 1.0): let the tree's own comparison decide, on this rare path.
                using (var number = JsonDocument.Parse(value.RawJson.ToArray()))
                {
                    return Contains(number.RootElement);
                }

            default:
                foreach (var allowed in _nonStrings)
                {
                    if (allowed.ValueKind == value.Kind)
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    /// <summary>Gets a value indicating whether <paramref name="instance"/> equals one of the values (JSON equality), recording nothing.</summary>
    public bool Contains(JsonElement instance)
    {
        if (instance.ValueKind == JsonValueKind.String)
        {
            return _strings.Count > 0 && _strings.FindString(instance) >= 0;
        }

        foreach (var value in _nonStrings)
        {
            if (JsonElement.DeepEquals(instance, value))
            {
                return true;
            }
        }

        return false;
    }
}
