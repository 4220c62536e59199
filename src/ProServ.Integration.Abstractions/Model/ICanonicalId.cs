using System.Diagnostics.CodeAnalysis;

namespace ProServ.Integration.Model;

/// <summary>Defines a strongly typed id of a canonical record: a non-empty UUID with a lowercase hyphenated text form.</summary>
/// <typeparam name="TSelf">The id type itself.</typeparam>
/// <remarks>
/// Implemented by every id of the model (for example <see cref="ClientId"/>), so generic code such as the JSON converter
/// handles all ids with one implementation. New ids are UUIDv7, time-ordered by their creation timestamp; ids created
/// elsewhere may be any UUID version, but never the nil UUID. Wire form: <c>"0190f3c2-5b6e-7c1d-8a2b-3c4d5e6f7a8b"</c>.
/// </remarks>
public interface ICanonicalId<TSelf> : IEquatable<TSelf>
    where TSelf : struct, ICanonicalId<TSelf>
{
    /// <summary>Gets the UUID; never <see cref="Guid.Empty"/> for a valid id.</summary>
    Guid Value { get; }

    /// <summary>Creates an id from a UUID.</summary>
    /// <param name="value">The UUID; not <see cref="Guid.Empty"/>.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    static abstract TSelf FromGuid(Guid value);

    /// <summary>Parses the lowercase hyphenated form (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>, hex digits <c>0-9a-f</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a lowercase hyphenated non-nil UUID.</exception>
    static abstract TSelf Parse(string text);

    /// <summary>Tries to parse the lowercase hyphenated form.</summary>
    /// <param name="text">The text.</param>
    /// <param name="id">The id, when valid; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a lowercase hyphenated non-nil UUID.</returns>
    static abstract bool TryParse([NotNullWhen(true)] string? text, out TSelf id);
}
