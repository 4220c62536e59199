using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using ProServ.Integration.Schemas.Validation.Engine;

namespace ProServ.Integration.Schemas.Tests.Validation;

public sealed class Utf8PatternMatcherTests
{
    /// <summary>Patterns of the published schemas and the fixture, and shapes that exercise each construct.</summary>
    public static TheoryData<string, string> SupportedPatterns => new()
    {
        { "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "0b8f3c52-6a1e-4d7e-9f55-2c1d8e4a7b10" },
        { "^[a-z0-9][a-z0-9-]{0,62}$", "acme-consulting" },
        { "^[a-z][a-z0-9-]{0,31}$", "salesforce" },
        { "^[A-Z]{3}$", "EUR" },
        { "^-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,10})?$", "-1234.5678" },
        { "^-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,4})?$", "1341.25" },
        { "^-?(0|[1-9][0-9]{0,17})$", "120" },
        { "^(0\\.[0-9]*[1-9][0-9]*|[1-9][0-9]*(\\.[0-9]+)?)$", "0.05" },
        { "^[0-9]", "7a" },
        { "^[a-z0-9-]{1,32}$", "workshop" },
        { "[0-9]{3}$", "ab123" },
        { "b", "abc" },
        { "(ab|a)(c|bcd)(d*)", "xabcd" },
        { "^(?:x|yz)*$", "xyzx" },
        { "\\d{2,}", "a12" },
        { "^[\\w.-]+@[a-z]+\\.(com|org)$", "maria.lopez@example.com" },
        { "colou??r", "color" },
        { "^a*?b+c?$", "aabbc" },
        { "^$", string.Empty },
        { string.Empty, "anything" },
        { "^a{0}b$", "b" },
        { "^\\$\\.\\/\\(x\\)$", "$./(x)" },
        { "^[-a-c\\]]+$", "a-]c" },
    };

    [Theory]
    [MemberData(nameof(SupportedPatterns))]
    public void IsMatch_RandomStrings_AgreesWithRegex(string pattern, string sample)
    {
        var matcher = Utf8PatternMatcher.TryCreate(pattern);
        Assert.NotNull(matcher);
        var regex = new Regex(EcmaRegexTranslator.Translate(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        Assert.Equal(regex.IsMatch(sample), matcher.IsMatch(Encoding.UTF8.GetBytes(sample)));

        // Random strings over an alphabet close to the pattern's, and near misses of the sample (one edit away).
        var alphabet = (sample + pattern + "0123456789abcdefxyzAZ-._@$ é१😀").ToCharArray().Distinct().Where(c => !char.IsSurrogate(c)).ToArray();
        var randoms = Gen.ArrayOf(Gen.Elements(alphabet)).Select(chars => new string(chars));
        var edits = Gen.Choose(0, Math.Max(sample.Length - 1, 0))
            .SelectMany(at => Gen.Elements(alphabet).Select(c => (at, c)))
            .SelectMany(edit => Gen.Choose(0, 2).Select(kind => Edit(sample, edit.at, edit.c, kind)));
        var strings = Gen.OneOf(randoms, edits, Gen.Constant(sample), Gen.Constant(sample + sample));

        Prop.ForAll(
                strings.ToArbitrary(),
                s => regex.IsMatch(s) == matcher.IsMatch(Encoding.UTF8.GetBytes(s)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void IsMatch_ArbitraryStrings_AgreesWithRegexOnUuidPattern()
    {
        const string Pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";
        var matcher = Utf8PatternMatcher.TryCreate(Pattern)!;
        var regex = new Regex(EcmaRegexTranslator.Translate(Pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

        Prop.ForAll(
                ArbMap.Default.ArbFor<NonNull<string>>(),
                s =>
                {
                    var text = s.Get;
                    if (text.Any(char.IsSurrogate))
                    {
                        return true;
                    }

                    return regex.IsMatch(text) == matcher.IsMatch(Encoding.UTF8.GetBytes(text));
                })
            .QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(".")]
    [InlineData("^[^a]$")]
    [InlineData("\\s")]
    [InlineData("^a|b$")]
    [InlineData("a|b$")]
    [InlineData("(?=a)")]
    [InlineData("\\bfoo")]
    [InlineData("é")]
    [InlineData("^a{65}$")]
    [InlineData("^[a-z]{40}[0-9]{30}$")]
    [InlineData("a{,3}")]
    [InlineData("\\p{L}")]
    [InlineData("a**")]
    [InlineData("(a")]
    [InlineData("^a$b")]
    public void TryCreate_UnsupportedPattern_ReturnsNull(string pattern) =>
        Assert.Null(Utf8PatternMatcher.TryCreate(pattern));

    private static string Edit(string sample, int at, char c, int kind)
    {
        if (sample.Length == 0)
        {
            return c.ToString();
        }

        return kind switch
        {
            0 => sample[..at] + c + sample[(at + 1)..],
            1 => sample[..at] + c + sample[at..],
            _ => sample[..at] + sample[(at + 1)..],
        };
    }
}
