using System.Text.Json;

namespace ProServ.Integration.Cli.Validate;

/// <summary>Finds where a document stops being well-formed JSON, for the input-error line of <c>validate</c>.</summary>
/// <remarks>Only runs after the validator reported <c>json.malformed</c>, so valid input is read once.</remarks>
internal static class MalformedJsonLocator
{
    /// <summary>Reads the document with <see cref="Utf8JsonReader"/> and returns the failure, or <see langword="null"/> when the
    /// reader finds none.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The reader's exception, carrying the 0-based line and byte position.</returns>
    public static JsonException? Locate(ReadOnlySpan<byte> utf8Json)
    {
        // Depth is the validator's concern (json.too-deep is an invalid instance), not a well-formedness problem.
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            return ex;
        }
    }
}
