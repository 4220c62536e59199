using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>format</c> when asserted.</summary>
internal sealed class FormatKeyword : Keyword
{
    private readonly FormatKind _kind;
    private readonly string _format;

    public FormatKeyword(FormatKind kind, string format)
        : base("/format")
    {
        _kind = kind;
        _format = format;
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        Span<char> buffer = stackalloc char[JsonValues.StackCharLimit];
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

        return ok || Fail(ref state, "format", "Expected a string in format " + _format + " but found " + JsonValues.Describe(instance) + ".");
    }
}
