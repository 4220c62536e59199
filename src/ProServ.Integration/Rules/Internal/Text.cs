using System.Globalization;
using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>Message formatting shared by the built-in rules: invariant culture, ISO dates.</summary>
internal static class Text
{
    public static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Resource(ResourceId id) => Format($"resource {id}");

    public static string Window(DateOnly start, DateOnly? end) =>
        end is { } last ? $"from {Day(start)} to {Day(last)}" : $"from {Day(start)} with no end date";

    public static bool IsWithin(DateOnly day, DateOnly start, DateOnly? end) =>
        day >= start && (end is not { } last || day <= last);
}
