using System.Text.Json;
using System.Text.Json.Serialization;
using ProServ.Integration.Model;

namespace ProServ.Integration.Serialization;

/// <summary>Creates the converter of every <see cref="OpenEnum{TEnum}"/>: known members as kebab-case strings, unknown values as their raw text.</summary>
/// <remarks>Applied to <see cref="OpenEnum{TEnum}"/> by attribute; public so that other source-generated contexts can use it.
/// Reading a non-string, an empty string or a string over 64 characters throws <see cref="JsonException"/>. Thread-safe.</remarks>
public sealed class OpenEnumJsonConverterFactory : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        return typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(OpenEnum<>);
    }

    /// <inheritdoc/>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        var converterType = typeof(OpenEnumJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]);
        return (JsonConverter)Activator.CreateInstance(converterType)!;
    }
}
