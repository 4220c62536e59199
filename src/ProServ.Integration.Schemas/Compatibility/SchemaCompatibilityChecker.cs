using System.Text.Json;
using ProServ.Integration.Schemas.Catalog;

namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>Compares two versions of a JSON Schema and says whether data written under one is read under the other.</summary>
/// <remarks>
/// <para>Backward compatible: every instance valid under the previous version is valid under the next (new readers read old data).
/// Forward compatible: the converse (old readers read new data). Full: both.</para>
/// <para>The comparison is structural: it walks <c>properties</c>, <c>items</c>/<c>prefixItems</c>, <c>$defs</c>, the applicators and
/// local <c>$ref</c>s side by side, and classifies each keyword difference (see <see cref="SchemaChangeKind"/>). Anything it cannot
/// classify is reported as <see cref="SchemaChangeKind.Other"/>, breaking both ways. Thread-safe: it holds no state.</para>
/// </remarks>
public static class SchemaCompatibilityChecker
{
    /// <summary>Compares an earlier and a later version of a schema.</summary>
    /// <param name="previous">The earlier version.</param>
    /// <param name="next">The later version.</param>
    /// <returns>Every change found, each classified.</returns>
    /// <exception cref="ArgumentException">A version is neither a JSON object nor a boolean.</exception>
    public static CompatibilityReport Compare(JsonElement previous, JsonElement next)
    {
        RequireSchema(previous, nameof(previous));
        RequireSchema(next, nameof(next));
        return new CompatibilityReport(SchemaComparer.Compare(previous, next));
    }

    /// <summary>Compares an earlier and a later version of a schema, given as JSON text.</summary>
    /// <param name="previousJson">The earlier version.</param>
    /// <param name="nextJson">The later version.</param>
    /// <returns>Every change found, each classified.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">A version is not JSON.</exception>
    /// <exception cref="ArgumentException">A version is neither a JSON object nor a boolean.</exception>
    public static CompatibilityReport Compare(string previousJson, string nextJson)
    {
        ArgumentNullException.ThrowIfNull(previousJson);
        ArgumentNullException.ThrowIfNull(nextJson);
        using var previous = JsonDocument.Parse(previousJson);
        using var next = JsonDocument.Parse(nextJson);
        return Compare(previous.RootElement, next.RootElement);
    }

    /// <summary>Compares two schemas of a catalog, for example <c>time-entry@1</c> and <c>time-entry@2</c>.</summary>
    /// <param name="previous">The earlier version.</param>
    /// <param name="next">The later version.</param>
    /// <returns>Every change found, each classified.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">A document is not JSON.</exception>
    public static CompatibilityReport Compare(SchemaDescriptor previous, SchemaDescriptor next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        using var previousDocument = JsonDocument.Parse(previous.Utf8Json);
        using var nextDocument = JsonDocument.Parse(next.Utf8Json);
        return Compare(previousDocument.RootElement, nextDocument.RootElement);
    }

    private static void RequireSchema(JsonElement schema, string parameterName)
    {
        if (schema.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            throw new ArgumentException($"A schema is a JSON object or a boolean, not {schema.ValueKind}.", parameterName);
        }
    }
}
