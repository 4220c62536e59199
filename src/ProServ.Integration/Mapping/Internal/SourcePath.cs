using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>A compiled source JSON Pointer: its segments pre-encoded as UTF-8, array indexes pre-parsed, and at most one <c>*</c> (each item).</summary>
internal sealed class SourcePath
{
    private readonly byte[][] _segments;
    private readonly int[] _indexes;

    private SourcePath(string text, byte[][] segments, int[] indexes, SourcePath? suffix, int up = 0, string[]? parts = null)
    {
        Text = text;
        Up = up;
        Parts = parts ?? [];
        _segments = segments;
        _indexes = indexes;
        Suffix = suffix;
    }

    public string Text { get; }

    /// <summary>The number of leading <c>..</c> segments: how many <c>each</c> scopes the path steps up before reading.</summary>
    public int Up { get; }

    /// <summary>The decoded segments after the <c>..</c> steps, including a <c>*</c>.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>The part after a <c>*</c> segment (this path then names the array), or <see langword="null"/>.</summary>
    public SourcePath? Suffix { get; }

    public bool HasWildcard => Suffix is not null;

    /// <summary>Compiles a pointer; <paramref name="error"/> says why it is not valid (more than one <c>*</c>, bad escape).</summary>
    public static SourcePath? TryCompile(string text, out string? error)
    {
        error = null;
        if (text.Length > 0 && text[0] != '/')
        {
            error = $"'{text}' is not a JSON Pointer: it must be empty or start with '/'.";
            return null;
        }

        var parts = text.Length == 0 ? [] : text[1..].Split('/');
        var up = 0;
        while (up < parts.Length && parts[up] == MappingConstants.ParentSegment)
        {
            up++;
        }

        parts = parts[up..];
        var star = Array.IndexOf(parts, "*");
        if (star >= 0 && Array.IndexOf(parts, "*", star + 1) >= 0)
        {
            error = $"'{text}' has more than one '*': only one each-item segment is supported.";
            return null;
        }

        var head = star >= 0 ? parts[..star] : parts;
        SourcePath? suffix = null;
        if (star >= 0)
        {
            var rest = parts[(star + 1)..];
            suffix = new SourcePath(rest.Length == 0 ? string.Empty : "/" + string.Join('/', rest), Encode(rest), Indexes(rest), null);
            if (rest.Contains("*", StringComparer.Ordinal))
            {
                error = $"'{text}' has more than one '*'.";
                return null;
            }
        }

        foreach (var part in parts)
        {
            if (part.Replace("~0", string.Empty, StringComparison.Ordinal).Replace("~1", string.Empty, StringComparison.Ordinal).Contains('~', StringComparison.Ordinal))
            {
                error = $"'{text}' has a '~' not followed by 0 or 1.";
                return null;
            }
        }

        var decoded = parts.Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        return new SourcePath(text, Encode(head), Indexes(head), suffix, up, decoded);
    }

    /// <summary>Reads the value at this path from the current scope, or from an enclosing scope of the run when the path starts with <c>..</c>.</summary>
    public bool TryGet(JsonElement scope, MappingRun run, out JsonElement value)
    {
        if (Up == 0)
        {
            return TryGet(scope, out value);
        }

        var scopes = run.Scopes;
        if (Up > scopes.Count)
        {
            value = default;
            return false;
        }

        return TryGet(scopes[^Up], out value);
    }

    /// <summary>Reads the value at this path (before any <c>*</c>); absent and <c>null</c> are both "no value".</summary>
    public bool TryGet(JsonElement scope, out JsonElement value)
    {
        value = scope;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                if (!value.TryGetProperty(_segments[i], out value))
                {
                    return false;
                }
            }
            else if (value.ValueKind == JsonValueKind.Array && _indexes[i] >= 0 && _indexes[i] < value.GetArrayLength())
            {
                value = value[_indexes[i]];
            }
            else
            {
                return false;
            }
        }

        return value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    /// <summary>The pointer text of the array part (before <c>*</c>).</summary>
    public string HeadText => Suffix is null ? Text : Text[..Text.IndexOf("/*", StringComparison.Ordinal)];

    private static byte[][] Encode(string[] parts) =>
        parts.Select(p => Encoding.UTF8.GetBytes(p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))).ToArray();

    private static int[] Indexes(string[] parts) =>
        parts.Select(p => p.Length > 0 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0') && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
}
