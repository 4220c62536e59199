using System.Collections.Frozen;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Caches, per enum, the map between named non-zero members and their kebab-case wire names.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class OpenEnumTable<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName;
    private static readonly FrozenDictionary<TEnum, string> ByValue;

#pragma warning disable CA1810 // Two tables built together from one pass; a static constructor is the clearest form.
    static OpenEnumTable()
#pragma warning restore CA1810
    {
        var byName = new Dictionary<string, TEnum>(StringComparer.Ordinal);
        var byValue = new Dictionary<TEnum, string>();
        var names = new List<string>();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (EqualityComparer<TEnum>.Default.Equals(value, default) || byValue.ContainsKey(value))
            {
                continue;
            }

            var name = KebabCase.FromPascalCase(Enum.GetName(value)!);
            byName.Add(name, value);
            byValue.Add(value, name);
            names.Add(name);
        }

        ByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        ByValue = byValue.ToFrozenDictionary();
        Names = names.AsReadOnly();
    }

    internal static IReadOnlyList<string> Names { get; }

    internal static bool IsNamed(TEnum value) => ByValue.ContainsKey(value);

    internal static bool TryGetName(TEnum value, out string name)
    {
        if (ByValue.TryGetValue(value, out var found))
        {
            name = found;
            return true;
        }

        name = string.Empty;
        return false;
    }

    internal static bool TryGetValue(string name, out TEnum value) => ByName.TryGetValue(name, out value);
}
