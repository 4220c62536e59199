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
