using System.Text.Json;

namespace ProServ.Integration.Schemas.Compatibility;

/// <summary>Compares two versions of a JSON Schema and says whether data written under one is read under the other.</summary>
public static class SchemaCompatibilityChecker
{
    /// <summary>Compares an earlier and a later version of a schema.</summary>
    /// <param name="previous">The earlier version.</param>
    /// <param name="next">The later version.</param>
    /// <returns>Every change found, each classified.</returns>
    public static CompatibilityReport Compare(JsonElement previous, JsonElement next) => throw new NotSupportedException("Not implemented yet.");
}
