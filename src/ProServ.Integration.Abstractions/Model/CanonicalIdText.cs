namespace ProServ.Integration.Model;

/// <summary>Creates, parses and formats the UUIDs behind every <see cref="ICanonicalId{TSelf}"/>, so the id types stay one-liners.</summary>
internal static class CanonicalIdText
{
    internal const int Length = 36;

    internal static Guid NewVersion7(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return Guid.CreateVersion7(timeProvider.GetUtcNow());
    }

    internal static Guid EnsureNotEmpty(Guid value) =>
        value == Guid.Empty ? throw new ArgumentException("The nil UUID is not a valid id.", nameof(value)) : value;

    internal static Guid Parse(string text, string typeName)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out var value)
            ? value
            : throw new FormatException($"'{text}' is not a valid {typeName}: expected a lowercase hyphenated non-nil UUID.");
    }

    internal static bool TryParse(ReadOnlySpan<char> text, out Guid value)
    {
        value = Guid.Empty;
        if (text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f') or '-'))
            {
                return false;
            }
        }

        return Guid.TryParseExact(text, "D", out value) && value != Guid.Empty;
    }

    internal static string Format(Guid value) => value.ToString("D");
}
