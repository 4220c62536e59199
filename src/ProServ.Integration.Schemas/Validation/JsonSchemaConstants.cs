using System.Globalization;
using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation;

/// <summary>Holds the validator's fixed limits and defaults in one place.</summary>
internal static class JsonSchemaConstants
{
    /// <summary>The default maximum nesting depth of an instance.</summary>
    public const int DefaultMaxDepth = 256;

    /// <summary>The maximum nesting depth of a schema document.</summary>
    public const int MaxSchemaDepth = 512;

    /// <summary>The maximum time one regular expression match may take.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    public static string DescribeMalformed(JsonException ex) =>
        string.Create(CultureInfo.InvariantCulture, $"The JSON is malformed at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}");
}
