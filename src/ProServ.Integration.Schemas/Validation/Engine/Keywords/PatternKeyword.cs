using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>
/// Compiled <c>pattern</c>: a simple pattern runs as a <see cref="Utf8PatternMatcher"/> over the raw UTF-8 bytes; any other
/// (or a string with JSON escapes) runs the regex compiled once with a match timeout, over a stack buffer.
/// </summary>
internal sealed class PatternKeyword : Keyword
{
    private readonly Regex _regex;
    private readonly Utf8PatternMatcher? _matcher;
    private readonly string _pattern;
    private readonly string _messagePrefix;

    public PatternKeyword(Regex regex, string pattern)
        : base("/pattern")
    {
        _regex = regex;
        _matcher = Utf8PatternMatcher.TryCreate(pattern);
        _pattern = pattern;
        _messagePrefix = "Expected a string matching the pattern " + pattern + " but found ";
    }

    public override bool EvaluateScalar(in ScalarValue value, ref EvaluationState state)
    {
        if (value.Kind != JsonValueKind.String)
        {
            return true;
        }

        if (_matcher is not null && value.Decoded is null)
        {
            return _matcher.IsMatch(value.RawString) || Fail(ref state, JsonValues.Message(_messagePrefix, value.RawJson, "."));
        }

        Span<char> buffer = stackalloc char[Math.Min(value.RawString.Length, JsonValues.StackCharLimit)];
        var chars = JsonValues.Chars(value, buffer, out var rented);
        bool ok;
        var timedOut = false;
        try
        {
            ok = _regex.IsMatch(chars);
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

        return ok || Fail(ref state, timedOut ? "Matching the pattern " + _pattern + " timed out." : JsonValues.Message(_messagePrefix, value.RawJson, "."));
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        if (_matcher is not null)
        {
            var raw = JsonValues.RawString(instance);
            if (raw.IndexOf((byte)'\\') < 0)
            {
                return _matcher.IsMatch(raw) || (state.Collect && Fail(ref state, JsonValues.Message(_messagePrefix, instance, ".")));
            }
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
