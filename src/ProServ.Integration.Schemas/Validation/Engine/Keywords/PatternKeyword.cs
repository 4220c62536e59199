using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>pattern</c>: a regex compiled once with a match timeout, run over a stack buffer.</summary>
internal sealed class PatternKeyword : Keyword
{
    private readonly Regex _regex;
    private readonly string _pattern;

    public PatternKeyword(Regex regex, string pattern)
        : base("/pattern")
    {
        _regex = regex;
        _pattern = pattern;
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
        bool timedOut = false;
        try
        {
            ok = _regex.IsMatch(JsonValues.Chars(buffer, length, rented, decoded));
        }
        catch (RegexMatchTimeoutException)
        {
            ok = false;
            timedOut = true;
        }
        finally
        {
            JsonValues.Return(rented);
        }

        return ok || Fail(ref state, "pattern", timedOut
            ? "Matching the pattern " + _pattern + " timed out."
            : "Expected a string matching the pattern " + _pattern + " but found " + JsonValues.Describe(instance) + ".");
    }
}
