using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProServ.Integration.Schemas.Validation.Engine.Keywords;

/// <summary>Compiled <c>uniqueItems: true</c>, with JSON equality (1 equals 1.0).</summary>
internal sealed class UniqueItemsKeyword : Keyword
{
    public UniqueItemsKeyword()
        : base("/uniqueItems")
    {
    }

    public override bool Evaluate(JsonElement instance, ref EvaluationState state, EvaluatedSet? evaluated)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var length = instance.GetArrayLength();
        if (length < 2)
        {
            return true;
        }

        var items = System.Buffers.ArrayPool<JsonElement>.Shared.Rent(length);
        try
        {
            var n = 0;
            foreach (var item in instance.EnumerateArray())
            {
                items[n++] = item;
            }

            for (var i = 1; i < n; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (AreEqual(items[i], items[j]))
                    {
                        return Fail(ref state, string.Create(CultureInfo.InvariantCulture, $"Expected unique items but items {j} and {i} are equal."));
                    }
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<JsonElement>.Shared.Return(items, clearArray: true);
        }

        return true;
    }

    /// <summary>JSON equality, comparing the raw UTF-8 of two strings without escapes directly (equal text then means equal bytes).</summary>
    /// <summary>Reports items <paramref name="first"/> and <paramref name="second"/> as equal (the single pass found them).</summary>
    public bool FailEqual(int first, int second, ref EvaluationState state) =>
        Fail(ref state, string.Create(CultureInfo.InvariantCulture, $"Expected unique items but items {first} and {second} are equal."));

    private static bool AreEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String)
        {
            var x = JsonValues.RawString(a);
            var y = JsonValues.RawString(b);
            if (x.IndexOf((byte)'\\') < 0 && y.IndexOf((byte)'\\') < 0)
            {
                return x.SequenceEqual(y);
            }
        }

        return JsonElement.DeepEquals(a, b);
    }
}
