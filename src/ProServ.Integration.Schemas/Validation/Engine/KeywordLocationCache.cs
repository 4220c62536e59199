namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// An absolute keyword location built once for a keyword, with the keyword segments of the evaluation path it was built
/// for, so that the same failure on the next document reuses the string instead of concatenating it again.
/// </summary>
internal sealed class KeywordLocationCache
{
    private readonly string[] _segments;

    public KeywordLocationCache(ReadOnlySpan<string> segments, string value)
    {
        _segments = segments.ToArray();
        Value = value;
    }

    public string Value { get; }

    /// <summary>Gets a value indicating whether <paramref name="segments"/> is the path the location was built for.</summary>
    public bool Matches(ReadOnlySpan<string> segments)
    {
        var cached = _segments;
        if (cached.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < cached.Length; i++)
        {
            if (!string.Equals(cached[i], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
