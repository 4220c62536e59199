using System.Text;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// Translates an ECMA-262 (u-mode) pattern into a .NET pattern with the same meaning where they differ:
/// <c>\d</c>, <c>\w</c> and <c>\s</c> are ASCII/ECMA sets, <c>$</c> matches only at the end, <c>.</c> matches a whole
/// astral code point, long Unicode property names map to .NET categories, and <c>\a</c> (not ECMA) is rejected.
/// </summary>
internal static class EcmaRegexTranslator
{
    private const string Whitespace = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";

    public static string Translate(string pattern)
    {
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                switch (next)
                {
                    case 'd':
                        sb.Append(inClass ? "0-9" : "[0-9]");
                        break;
                    case 'D':
                        sb.Append(inClass ? "\\D" : "[^0-9]");
                        break;
                    case 'w':
                        sb.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                        break;
                    case 'W':
                        sb.Append(inClass ? "\\W" : "[^a-zA-Z0-9_]");
                        break;
                    case 's':
                        sb.Append(inClass ? Whitespace : "[" + Whitespace + "]");
                        break;
                    case 'S':
                        sb.Append(inClass ? "\\S" : "[^" + Whitespace + "]");
                        break;
                    case 'a':
                        throw new ArgumentException("\\a is not an ECMA-262 escape.", nameof(pattern));
                    case 'p' or 'P' when i + 1 < pattern.Length && pattern[i + 1] == '{':
                        var close = pattern.IndexOf('}', i);
                        if (close < 0)
                        {
                            throw new ArgumentException("Unterminated Unicode property escape.", nameof(pattern));
                        }

                        sb.Append('\\').Append(next).Append('{').Append(Category(pattern[(i + 2)..close])).Append('}');
                        i = close;
                        break;
                    default:
                        sb.Append('\\').Append(next);
                        break;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '(' when i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] is '#' or 'i' or 'm' or 's' or 'x' or 'n' or '-':
                    throw new ArgumentException("Inline comments and flags are not ECMA-262.", nameof(pattern));
                case '[' when string.CompareOrdinal(pattern, i, "[]", 0, 2) == 0:
                    sb.Append("(?!)");
                    i++;
                    break;
                case '[' when string.CompareOrdinal(pattern, i, "[^]", 0, 3) == 0:
                    sb.Append("[\\s\\S]");
                    i += 2;
                    break;
                case '[':
                    inClass = true;
                    sb.Append(c);
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        sb.Append('^');
                        i++;
                    }

                    break;
                case '$':
                    sb.Append("\\z");
                    break;
                case '.':
                    sb.Append("(?:[\\ud800-\\udbff][\\udc00-\\udfff]|[^\\n\\r\\u2028\\u2029])");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
                    {
                        sb.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string Category(string name) => name switch
    {
        "Letter" => "L",
        "Lowercase_Letter" => "Ll",
        "Uppercase_Letter" => "Lu",
        "Number" => "N",
        "Decimal_Number" or "digit" => "Nd",
        "Punctuation" => "P",
        "Symbol" => "S",
        "Separator" => "Z",
        "Mark" => "M",
        "Other" => "C",
        _ => name,
    };
}
