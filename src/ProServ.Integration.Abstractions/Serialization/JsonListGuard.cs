using System.Text.Json;

namespace ProServ.Integration.Serialization;

/// <summary>Rejects JSON <c>null</c> inside a deserialized list, which System.Text.Json does not check for list elements.</summary>
internal static class JsonListGuard
{
    internal static void NoNullElements<T>(IReadOnlyList<T?> list, string jsonName)
        where T : class
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new JsonException($"'{jsonName}[{i}]' is null; list elements cannot be null.");
            }
        }
    }
}
