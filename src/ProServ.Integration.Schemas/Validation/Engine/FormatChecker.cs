using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>Allocation-free checks of the draft 2020-12 formats over characters (RFC 3339, RFC 3986/3987, RFC 5321, RFC 4122, RFC 6901).</summary>
internal static class FormatChecker
{
    public static FormatKind Parse(string format) => format switch
    {
        "date" => FormatKind.Date,
        "date-time" => FormatKind.DateTime,
        "time" => FormatKind.Time,
        "duration" => FormatKind.Duration,
        "email" => FormatKind.Email,
        "idn-email" => FormatKind.IdnEmail,
        "hostname" => FormatKind.Hostname,
        "idn-hostname" => FormatKind.IdnHostname,
        "ipv4" => FormatKind.Ipv4,
        "ipv6" => FormatKind.Ipv6,
        "uri" => FormatKind.Uri,
        "uri-reference" => FormatKind.UriReference,
        "iri" => FormatKind.Iri,
        "iri-reference" => FormatKind.IriReference,
        "uuid" => FormatKind.Uuid,
        "json-pointer" => FormatKind.JsonPointer,
        "relative-json-pointer" => FormatKind.RelativeJsonPointer,
        "regex" => FormatKind.Regex,
        "uri-template" => FormatKind.UriTemplate,
        _ => FormatKind.Unknown,
    };

    public static bool IsValid(FormatKind kind, ReadOnlySpan<char> s) => kind switch
    {
        FormatKind.Date => IsDate(s),
        FormatKind.DateTime => IsDateTime(s),
        FormatKind.Time => IsTime(s),
        FormatKind.Duration => IsDuration(s),
        FormatKind.Email => IsEmail(s, international: false),
        FormatKind.IdnEmail => IsEmail(s, international: true),
        FormatKind.Hostname => IsHostname(s, international: false),
        FormatKind.IdnHostname => IsHostname(s, international: true),
        FormatKind.Ipv4 => IsIpv4(s),
        FormatKind.Ipv6 => IsIpv6(s),
        FormatKind.Uri => IsUri(s, requireScheme: true, international: false),
        FormatKind.UriReference => IsUri(s, requireScheme: false, international: false),
        FormatKind.Iri => IsUri(s, requireScheme: true, international: true),
        FormatKind.IriReference => IsUri(s, requireScheme: false, international: true),
        FormatKind.Uuid => IsUuid(s),
        FormatKind.JsonPointer => IsJsonPointer(s),
        FormatKind.RelativeJsonPointer => IsRelativeJsonPointer(s),
        FormatKind.Regex => IsRegex(s),
        FormatKind.UriTemplate => IsUriTemplate(s),
        _ => true,
    };

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static bool IsAlpha(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!IsDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    public static bool IsDate(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-' ||
            !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }

        var leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        var max = month switch
        {
            2 => leap ? 29 : 28,
            4 or 6 or 9 or 11 => 30,
            _ => 31,
        };
        return day <= max;
    }

    public static bool IsTime(ReadOnlySpan<char> s)
    {
        if (s.Length < 9 || s[2] != ':' || s[5] != ':' ||
            !Digits(s, 0, 2, out var hour) || !Digits(s, 3, 2, out var minute) || !Digits(s, 6, 2, out var second))
        {
            return false;
        }

        var i = 8;
        if (s[i] == '.')
        {
            i++;
            var start = i;
            while (i < s.Length && IsDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= s.Length)
        {
            return false;
        }

        int offsetMinutes;
        if (s[i] is 'Z' or 'z')
        {
            offsetMinutes = 0;
            i++;
        }
        else if (s[i] is '+' or '-')
        {
            if (i + 6 != s.Length || s[i + 3] != ':' || !Digits(s, i + 1, 2, out var oh) || !Digits(s, i + 4, 2, out var om) || oh > 23 || om > 59)
            {
                return false;
            }

            offsetMinutes = (s[i] == '+' ? 1 : -1) * ((oh * 60) + om);
            i += 6;
        }
        else
        {
            return false;
        }

        if (i != s.Length || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (second == 60)
        {
            var utc = ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440;
            return utc == (23 * 60) + 59;
        }

        return true;
    }

    public static bool IsDateTime(ReadOnlySpan<char> s) =>
        s.Length > 11 && s[10] is 'T' or 't' && IsDate(s[..10]) && IsTime(s[11..]);

    public static bool IsDuration(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] != 'P')
        {
            return false;
        }

        var i = 1;
        var inTime = false;
        var any = false;
        var anyTime = false;
        var order = 0;
        var weeks = false;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                order = 0;
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && IsDigit(s[i]))
            {
                i++;
            }

            if (i == start || i >= s.Length)
            {
                return false;
            }

            var unit = s[i++];
            var rank = inTime
                ? unit switch { 'H' => 1, 'M' => 2, 'S' => 3, _ => -1 }
                : unit switch { 'Y' => 1, 'M' => 2, 'D' => 3, 'W' => 4, _ => -1 };
            if (rank <= order || (order > 0 && rank != order + 1 && rank != 4))
            {
                return false;
            }

            order = rank;
            weeks |= !inTime && unit == 'W';
            any = true;
            anyTime |= inTime;
        }

        if (weeks && (order != 4 || inTime || s.IndexOfAny('Y', 'D') >= 0 || (s.IndexOf('M') >= 0)))
        {
            return false;
        }

        return any && (!inTime || anyTime);
    }

    public static bool IsUuid(ReadOnlySpan<char> s)
    {
        if (s.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            if (i is 8 or 13 or 18 or 23 ? s[i] != '-' : !IsHex(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIpv4(ReadOnlySpan<char> s)
    {
        var parts = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var value = 0;
            while (i < s.Length && IsDigit(s[i]) && i - start < 3)
            {
                value = (value * 10) + (s[i] - '0');
                i++;
            }

            var length = i - start;
            if (length == 0 || value > 255 || (length > 1 && s[start] == '0'))
            {
                return false;
            }

            parts++;
            if (i == s.Length)
            {
                return parts == 4;
            }

            if (s[i] != '.' || parts == 4)
            {
                return false;
            }

            i++;
        }
    }

    public static bool IsIpv6(ReadOnlySpan<char> s)
    {
        if (s.Length < 2)
        {
            return false;
        }

        var groups = 0;
        var compressed = false;
        var i = 0;
        if (s[0] == ':')
        {
            if (s[1] != ':')
            {
                return false;
            }

            compressed = true;
            i = 2;
            if (i == s.Length)
            {
                return true;
            }
        }

        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && IsHex(s[i]) && i - start < 5)
            {
                i++;
            }

            if (i < s.Length && s[i] == '.')
            {
                // embedded IPv4 in the last 32 bits
                return IsIpv4(s[start..]) && (compressed ? groups <= 5 : groups == 6);
            }

            var length = i - start;
            if (length is 0 or > 4)
            {
                return false;
            }

            groups++;
            if (i == s.Length)
            {
                break;
            }

            if (s[i] != ':')
            {
                return false;
            }

            i++;
            if (i < s.Length && s[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
                if (i == s.Length)
                {
                    break;
                }
            }
            else if (i == s.Length)
            {
                return false;
            }
        }

        return compressed ? groups <= 7 : groups == 8;
    }

    public static bool IsHostname(ReadOnlySpan<char> s, bool international)
    {
        if (s.Length is 0 or > 253)
        {
            return false;
        }

        Span<char> separators = ['.', '\u3002', '\uff0e', '\uff61'];
        foreach (var range in s.SplitAny(international ? separators : separators[..1]))
        {
            var label = s[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            if (label.Length >= 4 && label[2] == '-' && label[3] == '-' && !label.StartsWith("xn--", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var c in label)
            {
                var ok = IsAlpha(c) || IsDigit(c) || c == '-' || (international && c > 0x7F && !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not ('\u3002' or '\uff0e' or '\uff61'));
                if (!ok)
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static bool IsEmail(ReadOnlySpan<char> s, bool international)
    {
        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1)
        {
            return false;
        }

        var local = s[..at];
        var domain = s[(at + 1)..];
        if (local[0] == '"')
        {
            if (local.Length < 2 || local[^1] != '"')
            {
                return false;
            }

            for (var i = 1; i < local.Length - 1; i++)
            {
                var c = local[i];
                if (c == '\\')
                {
                    i++;
                    continue;
                }

                if (c == '"' || c < 0x20 || (c > 0x7E && !international))
                {
                    return false;
                }
            }
        }
        else
        {
            if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var c in local)
            {
                var ok = IsAlpha(c) || IsDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal) || (international && c > 0x7F);
                if (!ok)
                {
                    return false;
                }
            }
        }

        if (domain[0] == '[')
        {
            if (domain[^1] != ']')
            {
                return false;
            }

            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.Ordinal) ? IsIpv6(literal[5..]) : IsIpv4(literal);
        }

        return IsHostname(domain, international);
    }

    public static bool IsJsonPointer(ReadOnlySpan<char> s)
    {
        if (s.Length == 0)
        {
            return true;
        }

        if (s[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '~' && (i + 1 >= s.Length || s[i + 1] is not ('0' or '1')))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsRelativeJsonPointer(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && IsDigit(s[i]))
        {
            i++;
        }

        if (i == 0 || (i > 1 && s[0] == '0'))
        {
            return false;
        }

        var rest = s[i..];
        return rest is "#" || IsJsonPointer(rest);
    }

    public static bool IsRegex(ReadOnlySpan<char> s)
    {
        try
        {
            _ = new Regex(EcmaRegexTranslator.Translate(s.ToString()), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static bool IsUriTemplate(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '{')
            {
                var close = s[i..].IndexOf('}');
                if (close < 0 || !IsTemplateExpression(s.Slice(i + 1, close - 1)))
                {
                    return false;
                }

                i += close + 1;
                continue;
            }

            if (c == '%')
            {
                if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2]))
                {
                    return false;
                }

                i += 3;
                continue;
            }

            if (c <= ' ' || c == '\u007f' || c is '"' or '<' or '>' or '\\' or '^' or '`' or '|' or '}')
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static bool IsTemplateExpression(ReadOnlySpan<char> e)
    {
        if (e.Length > 0 && e[0] is '+' or '#' or '.' or '/' or ';' or '?' or '&')
        {
            e = e[1..];
        }

        if (e.Length == 0)
        {
            return false;
        }

        foreach (var range in e.Split(','))
        {
            var spec = e[range];
            var colon = spec.IndexOf(':');
            if (colon >= 0)
            {
                var length = spec[(colon + 1)..];
                if (length.Length is 0 or > 4 || length[0] == '0' || !AllDigits(length))
                {
                    return false;
                }

                spec = spec[..colon];
            }
            else if (spec.Length > 0 && spec[^1] == '*')
            {
                spec = spec[..^1];
            }

            if (spec.Length == 0 || spec[0] == '.' || spec[^1] == '.' || spec.Contains("..", StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = 0; i < spec.Length; i++)
            {
                var c = spec[i];
                if (c == '%')
                {
                    if (i + 2 >= spec.Length || !IsHex(spec[i + 1]) || !IsHex(spec[i + 2]))
                    {
                        return false;
                    }

                    i += 2;
                }
                else if (!IsAlpha(c) && !IsDigit(c) && c is not ('_' or '.'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c) => IsAlpha(c) || IsDigit(c) || c is '-' or '.' or '_' or '~';

    private static bool IsSubDelim(char c) => c is '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static bool IsUcs(char c, bool international) => international && c >= 0xA0 && c is not ('\uFFFE' or '\uFFFF');

    /// <summary>Checks characters of a URI component: unreserved, sub-delims, percent-encoded triplets and <paramref name="extra"/>.</summary>
    private static bool Chars(ReadOnlySpan<char> s, string extra, bool international)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '%')
            {
                if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!IsUnreserved(c) && !IsSubDelim(c) && !extra.Contains(c, StringComparison.Ordinal) && !IsUcs(c, international))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsUri(ReadOnlySpan<char> s, bool requireScheme, bool international)
    {
        var hash = s.IndexOf('#');
        if (hash >= 0)
        {
            if (!Chars(s[(hash + 1)..], ":@/?", international))
            {
                return false;
            }

            s = s[..hash];
        }

        var question = s.IndexOf('?');
        if (question >= 0)
        {
            if (!Chars(s[(question + 1)..], ":@/?", international))
            {
                return false;
            }

            s = s[..question];
        }

        var colon = s.IndexOf(':');
        var slash = s.IndexOf('/');
        var hasScheme = colon > 0 && (slash < 0 || colon < slash);
        if (hasScheme)
        {
            var scheme = s[..colon];
            if (!IsAlpha(scheme[0]))
            {
                return false;
            }

            foreach (var c in scheme)
            {
                if (!IsAlpha(c) && !IsDigit(c) && c is not ('+' or '-' or '.'))
                {
                    return false;
                }
            }

            s = s[(colon + 1)..];
        }
        else if (requireScheme || (colon >= 0 && (slash < 0 || colon < slash)))
        {
            return false;
        }

        if (s.StartsWith("//", StringComparison.Ordinal))
        {
            s = s[2..];
            var end = s.IndexOf('/');
            var authority = end < 0 ? s : s[..end];
            s = end < 0 ? [] : s[end..];
            var at = authority.IndexOf('@');
            if (at >= 0)
            {
                if (!Chars(authority[..at], ":", international))
                {
                    return false;
                }

                authority = authority[(at + 1)..];
            }

            if (authority.Length > 0 && authority[0] == '[')
            {
                var close = authority.IndexOf(']');
                if (close < 0)
                {
                    return false;
                }

                var literal = authority[1..close];
                if (!(literal.Length > 0 && literal[0] is 'v' or 'V' ? Chars(literal, ":", false) : IsIpv6(literal)))
                {
                    return false;
                }

                authority = authority[(close + 1)..];
                if (authority.Length > 0 && (authority[0] != ':' || !AllDigits(authority[1..])))
                {
                    return false;
                }
            }
            else
            {
                var portColon = authority.LastIndexOf(':');
                if (portColon >= 0)
                {
                    if (!AllDigits(authority[(portColon + 1)..]))
                    {
                        return false;
                    }

                    authority = authority[..portColon];
                }

                if (!Chars(authority, string.Empty, international))
                {
                    return false;
                }
            }
        }

        return Chars(s, ":@/", international);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
