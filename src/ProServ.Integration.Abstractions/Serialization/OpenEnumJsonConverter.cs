using System.Text.Json;
using System.Text.Json.Serialization;
using ProServ.Integration.Model;

namespace ProServ.Integration.Serialization;

/// <summary>Converts one <see cref="OpenEnum{TEnum}"/> type; created by <see cref="OpenEnumJsonConverterFactory"/>.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class OpenEnumJsonConverter<TEnum> : JsonConverter<OpenEnum<TEnum>>
    where TEnum : struct, Enum
{
    public override OpenEnum<TEnum> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {typeof(TEnum).Name} must be a JSON string, not {reader.TokenType}.");
        }

        return OpenEnum.TryParse<TEnum>(reader.GetString(), out var value)
            ? value
            : throw new JsonException($"A {typeof(TEnum).Name} must be a string of 1 to {OpenEnum.MaxRawLength} characters.");
    }

    public override void Write(Utf8JsonWriter writer, OpenEnum<TEnum> value, JsonSerializerOptions options)
    {
        var raw = value.RawValue;
        if (raw.Length == 0)
        {
            throw new JsonException($"default(OpenEnum<{typeof(TEnum).Name}>) has no value and cannot be written.");
        }

        writer.WriteStringValue(raw);
    }
}
