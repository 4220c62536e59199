using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>format</c> when asserted.</summary>
internal sealed class FormatKeyword : Keyword
{
    private readonly FormatKind _kind;
    private readonly string _messagePrefix;

    public FormatKeyword(FormatKind kind, string format)
        : base("/format")
    {
        _kind = kind;
        _messagePrefix = "Expected a string in format " + format + " but found ";
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[Math.Min(JsonValues.RawString(instance).Length, JsonValues.StackCharLimit)];
        var length = JsonValues.Decode(instance, buffer, out var rented, out var decoded);
        bool ok;
        try
        {
            ok = FormatChecker.IsValid(_kind, JsonValues.Chars(buffer, length, rented, decoded));
        }
        finally
        {
            JsonValues.Return(rented);
        }

        return ok || (state.Collect && Fail(ref state, JsonValues.Message(_messagePrefix, instance, ".")));
    }

    public override bool EvaluateScalar(in ScalarValue value, ref EvaluationState state)
    {
        if (value.Kind != JsonValueKind.String)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[Math.Min(value.RawString.Length, JsonValues.StackCharLimit)];
        var chars = JsonValues.Chars(value, buffer, out var rented);
        bool ok;
        try
        {
            ok = FormatChecker.IsValid(_kind, chars);
        }
        finally
        {
            JsonValues.Return(rented);
        }

        return ok || Fail(ref state, JsonValues.Message(_messagePrefix, value.RawJson, "."));
    }
}
