using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Cli.Map;

/// <summary>Lists the differences between an expected and an actual JSON value, each at its JSON Pointer. Numbers compare by value (7.5 equals 7.50).</summary>
internal static class JsonDiff
{
    public static List<(string Path, string Description)> Compare(JsonElement expected, JsonElement actual)
    {
        var differences = new List<(string, string)>();
        Walk(expected, actual, string.Empty, differences);
        return differences;
    }

    private static void Walk(JsonElement expected, JsonElement actual, string path, List<(string, string)> differences)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in expected.EnumerateObject())
            {
                var child = path + "/" + Escape(property.Name);
                if (actual.TryGetProperty(property.Name, out var value))
                {
                    Walk(property.Value, value, child, differences);
                }
                else
                {
                    differences.Add((child, $"missing: expected {Show(property.Value)}"));
                }
            }

            foreach (var property in actual.EnumerateObject())
            {
                if (!expected.TryGetProperty(property.Name, out _))
                {
                    differences.Add((path + "/" + Escape(property.Name), $"unexpected: {Show(property.Value)}"));
                }
            }

            return;
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            var expectedLength = expected.GetArrayLength();
            var actualLength = actual.GetArrayLength();
            for (var i = 0; i < Math.Max(expectedLength, actualLength); i++)
            {
                var child = path + "/" + i.ToString(CultureInfo.InvariantCulture);
                if (i >= actualLength)
                {
                    differences.Add((child, $"missing: expected {Show(expected[i])}"));
                }
                else if (i >= expectedLength)
                {
                    differences.Add((child, $"unexpected: {Show(actual[i])}"));
                }
                else
                {
                    Walk(expected[i], actual[i], child, differences);
                }
            }

            return;
        }

        if (!SameScalar(expected, actual))
        {
            differences.Add((path, $"expected {Show(expected)}, actual {Show(actual)}"));
        }
    }

    private static bool SameScalar(JsonElement expected, JsonElement actual) =>
        expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number
            ? expected.TryGetDecimal(out var a) && actual.TryGetDecimal(out var b) ? a == b : expected.GetRawText() == actual.GetRawText()
            : JsonElement.DeepEquals(expected, actual);

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..77] + "...";
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
