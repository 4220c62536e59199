using System.Numerics;
using System.Runtime.InteropServices;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// A compile-time specialisation of simple ECMA-262 patterns — ASCII literals, positive character classes, <c>\d</c>,
/// <c>\w</c>, groups, alternation and the quantifiers <c>? * + {n} {n,} {n,m}</c>, with an optional leading <c>^</c> and
/// trailing <c>$</c> — into a deterministic automaton over UTF-8 bytes: one table lookup per byte, no allocation, no
/// transcoding and no timeout (it runs in linear time). Any other pattern is left to <see cref="System.Text.RegularExpressions.Regex"/>.
/// </summary>
/// <remarks>
/// Every atom matches ASCII characters only, so a non-ASCII character (every byte of its UTF-8 sequence is 0x80 or above)
/// matches no atom, exactly as a UTF-16 regex would not match it. The automaton is built with the Glushkov construction
/// (at most 64 positions, after expanding counted quantifiers) and a subset construction (at most 256 states).
/// Read-only and thread-safe once built.
/// </remarks>
internal sealed class Utf8PatternMatcher
{
    private const int MaxPositions = 64;
    private const int MaxStates = 256;
    private const int MaxCount = 64;

    private readonly byte[] _classes;
    private readonly int[] _table;
    private readonly bool[] _accepting;
    private readonly int _start;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;

    private Utf8PatternMatcher(byte[] classes, int[] table, bool[] accepting, int start, bool anchoredStart, bool anchoredEnd)
    {
        _classes = classes;
        _table = table;
        _accepting = accepting;
        _start = start;
        _anchoredStart = anchoredStart;
        _anchoredEnd = anchoredEnd;
    }

    /// <summary>Builds a matcher for an ECMA-262 pattern, or returns <see langword="null"/> when the pattern is outside the supported subset.</summary>
    public static Utf8PatternMatcher? TryCreate(string pattern)
    {
        var parser = new Parser(pattern);
        var anchoredStart = parser.Eat('^');
        var body = parser.ParseAlternation(depth: 0);
        if (body is null)
        {
            return null;
        }

        var anchoredEnd = parser.Eat('$');
        if (!parser.AtEnd || ((anchoredStart || anchoredEnd) && body is Alternation))
        {
            return null;
        }

        var builder = new GlushkovBuilder();
        if (!builder.TryBuild(body, out var root))
        {
            return null;
        }

        return Determinize(builder, root, anchoredStart, anchoredEnd);
    }

    /// <summary>Tests an unescaped UTF-8 string (the raw bytes of a JSON string without JSON escapes).</summary>
    public bool IsMatch(ReadOnlySpan<byte> utf8)
    {
        var table = _table;
        var classes = _classes;
        var accepting = _accepting;
        var s = _start;
        if (_anchoredEnd)
        {
            foreach (var b in utf8)
            {
                s = table[s + classes[b]];
                if (s == 0 && _anchoredStart)
                {
                    return false;
                }
            }

            return accepting[s];
        }

        if (accepting[s])
        {
            return true;
        }

        foreach (var b in utf8)
        {
            s = table[s + classes[b]];
            if (accepting[s])
            {
                return true;
            }

            if (s == 0 && _anchoredStart)
            {
                return false;
            }
        }

        return false;
    }

    private static Utf8PatternMatcher? Determinize(GlushkovBuilder builder, Fragment root, bool anchoredStart, bool anchoredEnd)
    {
        // Byte classes: bytes accepted by exactly the same positions behave the same.
        var signatures = new List<ulong>();
        var classes = new byte[256];
        for (var b = 0; b < 256; b++)
        {
            ulong signature = 0;
            for (var p = 0; p < builder.PositionCount; p++)
            {
                if (b < 128 && builder.Sets[p].Contains(b))
                {
                    signature |= 1UL << p;
                }
            }

            var index = signatures.IndexOf(signature);
            if (index < 0)
            {
                index = signatures.Count;
                signatures.Add(signature);
            }

            classes[b] = (byte)index;
        }

        var k = signatures.Count;

        // States are sets of positions just matched; state 0 is the empty set, state 1 the start (before any byte).
        var sets = new List<ulong> { 0, 0 };
        var isStart = new List<bool> { false, true };
        var ids = new Dictionary<ulong, int> { [0] = 0 };
        var table = new List<int>();
        for (var s = 0; s < sets.Count; s++)
        {
            ulong reach = isStart[s] ? root.First : 0;
            if (!anchoredStart)
            {
                reach |= root.First;
            }

            for (var bits = sets[s]; bits != 0; bits &= bits - 1)
            {
                reach |= builder.Follow[BitOperations.TrailingZeroCount(bits)];
            }

            for (var c = 0; c < k; c++)
            {
                var next = reach & signatures[c];
                if (!ids.TryGetValue(next, out var id))
                {
                    if (sets.Count == MaxStates)
                    {
                        return null;
                    }

                    id = sets.Count;
                    ids[next] = id;
                    sets.Add(next);
                    isStart.Add(false);
                }

                table.Add(id * k);
            }
        }

        var accepting = new bool[sets.Count * k];
        for (var s = 0; s < sets.Count; s++)
        {
            // The start state accepts the empty match; after a byte, a state accepts when it holds a last position.
            // Without ^, an empty match is possible anywhere (so also at the end).
            accepting[s * k] = (sets[s] & root.Last) != 0 || (root.Nullable && (isStart[s] || !anchoredStart));
        }

        return new Utf8PatternMatcher(classes, [.. table], accepting, k, anchoredStart, anchoredEnd);
    }

    /// <summary>A parsed pattern node.</summary>
    private abstract class Node;

    private sealed class CharSet(AsciiSet set) : Node
    {
        public AsciiSet Set { get; } = set;
    }

    private sealed class Sequence(List<Node> items) : Node
    {
        public List<Node> Items { get; } = items;
    }

    private sealed class Alternation(List<Node> branches) : Node
    {
        public List<Node> Branches { get; } = branches;
    }

    private sealed class Repeat(Node child, int min, int max) : Node
    {
        public Node Child { get; } = child;

        public int Min { get; } = min;

        /// <summary>Gets the maximum count; -1 for unbounded.</summary>
        public int Max { get; } = max;
    }

    /// <summary>A set of ASCII characters as a 128-bit mask.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct AsciiSet
    {
        private ulong _low;
        private ulong _high;

        public readonly bool Contains(int c) => c < 64 ? (_low & (1UL << c)) != 0 : c < 128 && (_high & (1UL << (c - 64))) != 0;

        public void Add(int c)
        {
            if (c < 64)
            {
                _low |= 1UL << c;
            }
            else
            {
                _high |= 1UL << (c - 64);
            }
        }

        public void AddRange(int from, int to)
        {
            for (var c = from; c <= to; c++)
            {
                Add(c);
            }
        }
    }

    private readonly record struct Fragment(bool Nullable, ulong First, ulong Last);

    /// <summary>Builds the Glushkov automaton: one position per atom occurrence, with first, last and follow sets.</summary>
    private sealed class GlushkovBuilder
    {
        public AsciiSet[] Sets { get; } = new AsciiSet[MaxPositions];

        public ulong[] Follow { get; } = new ulong[MaxPositions];

        public int PositionCount { get; private set; }

        public bool TryBuild(Node node, out Fragment fragment)
        {
            fragment = default;
            switch (node)
            {
                case CharSet set:
                    if (PositionCount == MaxPositions)
                    {
                        return false;
                    }

                    Sets[PositionCount] = set.Set;
                    var bit = 1UL << PositionCount++;
                    fragment = new Fragment(false, bit, bit);
                    return true;
                case Sequence sequence:
                    fragment = new Fragment(true, 0, 0);
                    foreach (var item in sequence.Items)
                    {
                        if (!TryBuild(item, out var next))
                        {
                            return false;
                        }

                        fragment = Concat(fragment, next);
                    }

                    return true;
                case Alternation alternation:
                    fragment = new Fragment(false, 0, 0);
                    foreach (var branch in alternation.Branches)
                    {
                        if (!TryBuild(branch, out var next))
                        {
                            return false;
                        }

                        fragment = new Fragment(fragment.Nullable || next.Nullable, fragment.First | next.First, fragment.Last | next.Last);
                    }

                    return true;
                case Repeat repeat:
                    return TryBuildRepeat(repeat, out fragment);
                default:
                    return false;
            }
        }

        private bool TryBuildRepeat(Repeat repeat, out Fragment fragment)
        {
            fragment = new Fragment(true, 0, 0);
            for (var i = 0; i < repeat.Min; i++)
            {
                if (!TryBuild(repeat.Child, out var copy))
                {
                    return false;
                }

                fragment = Concat(fragment, copy);
            }

            if (repeat.Max < 0)
            {
                if (!TryBuild(repeat.Child, out var loop))
                {
                    return false;
                }

                AddFollow(loop.Last, loop.First);
                fragment = Concat(fragment, loop with { Nullable = true });
                return true;
            }

            // x{0,k} as (x(x(x)?)?)?: fewer simultaneous positions than x?x?x?.
            var tail = new Fragment(true, 0, 0);
            for (var i = repeat.Min; i < repeat.Max; i++)
            {
                if (!TryBuild(repeat.Child, out var copy))
                {
                    return false;
                }

                tail = Concat(copy, tail) with { Nullable = true };
            }

            fragment = Concat(fragment, tail);
            return true;
        }

        private Fragment Concat(Fragment a, Fragment b)
        {
            AddFollow(a.Last, b.First);
            return new Fragment(
                a.Nullable && b.Nullable,
                a.First | (a.Nullable ? b.First : 0),
                b.Last | (b.Nullable ? a.Last : 0));
        }

        private void AddFollow(ulong from, ulong to)
        {
            for (var bits = from; bits != 0; bits &= bits - 1)
            {
                Follow[BitOperations.TrailingZeroCount(bits)] |= to;
            }
        }
    }

    /// <summary>A recursive-descent parser of the supported subset; returns null for anything else.</summary>
    private sealed class Parser(string pattern)
    {
        private const int MaxDepth = 16;

        private int _at;

        public bool AtEnd => _at == pattern.Length;

        public bool Eat(char c)
        {
            if (_at < pattern.Length && pattern[_at] == c)
            {
                _at++;
                return true;
            }

            return false;
        }

        public Node? ParseAlternation(int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            var branches = new List<Node>();
            while (true)
            {
                var branch = ParseSequence(depth);
                if (branch is null)
                {
                    return null;
                }

                branches.Add(branch);
                if (!Eat('|'))
                {
                    break;
                }
            }

            return branches.Count == 1 ? branches[0] : new Alternation(branches);
        }

        private Sequence? ParseSequence(int depth)
        {
            var items = new List<Node>();
            while (_at < pattern.Length)
            {
                var c = pattern[_at];
                if (c is '|' or ')' || (c == '$' && depth == 0 && _at == pattern.Length - 1))
                {
                    break;
                }

                var atom = ParseAtom(depth);
                if (atom is null)
                {
                    return null;
                }

                var quantified = ParseQuantifier(atom);
                if (quantified is null)
                {
                    return null;
                }

                items.Add(quantified);
            }

            return new Sequence(items);
        }

        private Node? ParseQuantifier(Node atom)
        {
            if (_at == pattern.Length)
            {
                return atom;
            }

            int min, max;
            switch (pattern[_at])
            {
                case '?':
                    (min, max) = (0, 1);
                    _at++;
                    break;
                case '*':
                    (min, max) = (0, -1);
                    _at++;
                    break;
                case '+':
                    (min, max) = (1, -1);
                    _at++;
                    break;
                case '{':
                    if (!TryParseCount(out min, out max))
                    {
                        return null;
                    }

                    break;
                default:
                    return atom;
            }

            // A lazy quantifier matches the same strings; IsMatch does not care which match is found.
            Eat('?');
            if (_at < pattern.Length && pattern[_at] is '?' or '*' or '+' or '{')
            {
                return null;
            }

            return new Repeat(atom, min, max);
        }

        private bool TryParseCount(out int min, out int max)
        {
            max = 0;
            _at++;
            if (!TryParseNumber(out min))
            {
                return false;
            }

            if (Eat('}'))
            {
                max = min;
                return true;
            }

            if (!Eat(','))
            {
                return false;
            }

            if (Eat('}'))
            {
                max = -1;
                return true;
            }

            return TryParseNumber(out max) && Eat('}') && max >= min;
        }

        private bool TryParseNumber(out int value)
        {
            value = 0;
            var start = _at;
            while (_at < pattern.Length && pattern[_at] is >= '0' and <= '9')
            {
                value = (value * 10) + (pattern[_at++] - '0');
                if (value > MaxCount)
                {
                    return false;
                }
            }

            return _at > start;
        }

        private Node? ParseAtom(int depth)
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '(':
                    if (Eat('?') && !Eat(':'))
                    {
                        return null;
                    }

                    var inner = ParseAlternation(depth + 1);
                    return inner is not null && Eat(')') ? inner : null;
                case '[':
                    return ParseClass();
                case '\\':
                    var set = default(AsciiSet);
                    return TryParseEscape(ref set, inClass: false) ? new CharSet(set) : null;
                case '.' or '^' or '$' or '*' or '+' or '?' or '{' or '}' or ']' or ')' or '|':
                    return null;
                default:
                    return IsPlainAscii(c) ? Single(c) : null;
            }
        }

        private CharSet? ParseClass()
        {
            var set = default(AsciiSet);
            if (_at < pattern.Length && pattern[_at] is '^' or ']')
            {
                return null;
            }

            while (_at < pattern.Length && pattern[_at] != ']')
            {
                var c = pattern[_at++];
                int from;
                if (c == '\\')
                {
                    var escaped = default(AsciiSet);
                    if (!TryParseEscape(ref escaped, inClass: true, out var single))
                    {
                        return null;
                    }

                    if (single < 0)
                    {
                        Merge(ref set, escaped);
                        continue;
                    }

                    from = single;
                }
                else if (c == '[' || !IsPlainAscii(c))
                {
                    return null;
                }
                else
                {
                    from = c;
                }

                if (_at + 1 < pattern.Length && pattern[_at] == '-' && pattern[_at + 1] != ']')
                {
                    _at++;
                    var t = pattern[_at++];
                    if (t is '\\' or '[' || !IsPlainAscii(t) || t < from)
                    {
                        return null;
                    }

                    set.AddRange(from, t);
                }
                else
                {
                    set.Add(from);
                }
            }

            return Eat(']') ? new CharSet(set) : null;
        }

        private bool TryParseEscape(ref AsciiSet set, bool inClass) => TryParseEscape(ref set, inClass, out var single) && (single < 0 || Add(ref set, single));

        /// <summary>Parses the escape after a backslash: <c>\d</c> and <c>\w</c> fill <paramref name="set"/> (single is -1); an escaped syntax character is returned in <paramref name="single"/>.</summary>
        private bool TryParseEscape(ref AsciiSet set, bool inClass, out int single)
        {
            single = -1;
            if (_at == pattern.Length)
            {
                return false;
            }

            var c = pattern[_at++];
            switch (c)
            {
                case 'd':
                    set.AddRange('0', '9');
                    return true;
                case 'w':
                    set.AddRange('a', 'z');
                    set.AddRange('A', 'Z');
                    set.AddRange('0', '9');
                    set.Add('_');
                    return true;
                case '^' or '$' or '\\' or '.' or '*' or '+' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '|' or '/':
                    single = c;
                    return true;
                case '-' when inClass:
                    single = c;
                    return true;
                default:
                    return false;
            }
        }

        private static bool Add(ref AsciiSet set, int c)
        {
            set.Add(c);
            return true;
        }

        private static void Merge(ref AsciiSet set, AsciiSet other)
        {
            for (var c = 0; c < 128; c++)
            {
                if (other.Contains(c))
                {
                    set.Add(c);
                }
            }
        }

        private static CharSet Single(char c)
        {
            var set = default(AsciiSet);
            set.Add(c);
            return new CharSet(set);
        }

        private static bool IsPlainAscii(char c) => c is >= ' ' and <= '~';
    }
}
