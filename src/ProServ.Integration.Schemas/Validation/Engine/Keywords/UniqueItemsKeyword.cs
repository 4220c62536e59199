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
                    if (JsonElement.DeepEquals(items[i], items[j]))
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
}
