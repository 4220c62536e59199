using System.Diagnostics.CodeAnalysis;

namespace ProServ.Integration.Model;

/// <summary>Creates <see cref="OpenEnum{TEnum}"/> values and maps enum members to and from their kebab-case wire names.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "An open enum is the established name for an enum that keeps unknown values.")]
public static class OpenEnum
{
    /// <summary>The longest raw value accepted, in characters.</summary>
    public const int MaxRawLength = 64;

    /// <summary>Creates an open value from a known member.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="value">A named, non-zero member.</param>
    /// <returns>The known open value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is the zero (unknown) member or undefined.</exception>
    public static OpenEnum<TEnum> Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        OpenEnumTable<TEnum>.IsNamed(value)
            ? new OpenEnum<TEnum>(value, null)
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a known {typeof(TEnum).Name} member.");

    /// <summary>Creates an open value from a wire value: known when it equals a member's kebab-case name (case-sensitive), otherwise unknown keeping the text.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="rawValue">The wire value, 1 to 64 characters.</param>
    /// <returns>The open value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rawValue"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="rawValue"/> is empty or longer than 64 characters.</exception>
    public static OpenEnum<TEnum> Parse<TEnum>(string rawValue)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(rawValue);
        return TryParse<TEnum>(rawValue, out var result)
            ? result
            : throw new ArgumentException($"A {typeof(TEnum).Name} value has 1 to {MaxRawLength} characters.", nameof(rawValue));
    }

    /// <summary>Tries to create an open value from a wire value; fails only when it is null, empty or longer than 64 characters.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="rawValue">The wire value.</param>
    /// <param name="result">The open value, known or unknown.</param>
    /// <returns><see langword="true"/> when the text is an acceptable wire value.</returns>
    public static bool TryParse<TEnum>([NotNullWhen(true)] string? rawValue, out OpenEnum<TEnum> result)
        where TEnum : struct, Enum
    {
        if (rawValue is null || rawValue.Length is 0 or > MaxRawLength)
        {
            result = default;
            return false;
        }

        result = OpenEnumTable<TEnum>.TryGetValue(rawValue, out var value)
            ? new OpenEnum<TEnum>(value, null)
            : new OpenEnum<TEnum>(default, rawValue);
        return true;
    }

    /// <summary>Gets the kebab-case wire name of a member, for example <c>closed-won</c> for <c>OpportunityStage.ClosedWon</c>.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="value">A named, non-zero member.</param>
    /// <returns>The wire name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is the zero (unknown) member or undefined.</exception>
    public static string GetWireName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        OpenEnumTable<TEnum>.TryGetName(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a known {typeof(TEnum).Name} member.");

    /// <summary>Gets the kebab-case wire names of every known member, in declaration order.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <returns>The wire names.</returns>
    public static IReadOnlyList<string> GetWireNames<TEnum>()
        where TEnum : struct, Enum => OpenEnumTable<TEnum>.Names;
}
