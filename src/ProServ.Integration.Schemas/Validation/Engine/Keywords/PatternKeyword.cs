using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>pattern</c>: a regex compiled once with a match timeout, run over a stack buffer.</summary>
internal sealed class PatternKeyword : Keyword
{
    private readonly Regex _regex;
    private readonly string _pattern;
    private readonly string _messagePrefix;

    public PatternKeyword(Regex regex, string pattern)
        : base("/pattern")
    {
        _regex = regex;
        _pattern = pattern;
        _messagePrefix = "Expected a string matching the pattern " + pattern + " but found ";
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

        return ok || (state.Collect && Fail(ref state, timedOut
            ? "Matching the pattern " + _pattern + " timed out."
            : JsonValues.Message(_messagePrefix, instance, ".")));
    }
}
