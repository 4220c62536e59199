using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>enum</c> and <c>const</c>: JSON equality (1 equals 1.0), strings compared as UTF-8 without allocation.</summary>
internal sealed class EnumKeyword : Keyword
{
    private readonly JsonElement[] _values;
    private readonly byte[]?[] _utf8Strings;
    private readonly string _keyword;
    private readonly string _expected;

    public EnumKeyword(string keyword, JsonElement[] values)
        : base("/" + keyword)
    {
        _keyword = keyword;
        _values = values;
        _utf8Strings = new byte[]?[values.Length];
        var descriptions = new List<string>(values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].ValueKind == JsonValueKind.String)
            {
                _utf8Strings[i] = System.Text.Encoding.UTF8.GetBytes(values[i].GetString()!);
            }

            descriptions.Add(JsonValues.Describe(values[i]));
        }

        _expected = keyword == "const" ? descriptions[0] : "one of " + string.Join(", ", descriptions);
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        var isString = instance.ValueKind == JsonValueKind.String;
        for (var i = 0; i < _values.Length; i++)
        {
            var utf8 = _utf8Strings[i];
            if (utf8 is not null)
            {
                if (isString && instance.ValueEquals(utf8))
                {
                    return true;
                }
            }
            else if (!isString && JsonElement.DeepEquals(instance, _values[i]))
            {
                return true;
            }
        }

        return Fail(ref state, _keyword, "Expected " + _expected + " but found " + JsonValues.Describe(instance) + ".");
    }
}
