using System.Text.Json;
using System.Text.Json.Serialization;
using ProServ.Integration.Model;

namespace ProServ.Integration.Serialization;

/// <summary>Converts every canonical id to and from its wire form, a lowercase hyphenated UUID string.</summary>
/// <typeparam name="TId">The id type.</typeparam>
/// <remarks>Applied to the id types by attribute; public so that other source-generated contexts can use it. Reading anything
/// but a lowercase hyphenated non-nil UUID string throws <see cref="JsonException"/>. Thread-safe.</remarks>
public sealed class CanonicalIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, ICanonicalId<TId>
{
    /// <inheritdoc/>
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {typeof(TId).Name} must be a JSON string, not {reader.TokenType}.");
        }

        Span<char> buffer = stackalloc char[CanonicalIdText.Length];
        if (reader.ValueIsEscaped || (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) != CanonicalIdText.Length)
        {
            return ReadSlow(ref reader);
        }

        var written = reader.CopyString(buffer);
        return CanonicalIdText.TryParse(buffer[..written], out var value)
            ? TId.FromGuid(value)
            : throw Invalid();
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Value == Guid.Empty)
        {
            throw new JsonException($"default({typeof(TId).Name}) is not a valid id and cannot be written.");
        }

        writer.WriteStringValue(value.Value);
    }

    private static TId ReadSlow(ref Utf8JsonReader reader) =>
        TId.TryParse(reader.GetString(), out var id) ? id : throw Invalid();

    private static JsonException Invalid() =>
        new($"A {typeof(TId).Name} must be a lowercase hyphenated non-nil UUID string.");
}
