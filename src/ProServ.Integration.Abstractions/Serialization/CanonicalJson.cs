using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ProServ.Integration.Errors;

namespace ProServ.Integration.Serialization;

/// <summary>Serializes and deserializes the canonical model in its one wire format (source-generated System.Text.Json).</summary>
/// <remarks>
/// <para>Wire rules: camelCase property names (CloudEvents names on <see cref="Events.BusinessEvent"/>); nulls omitted on
/// write; required properties must be present and non-null; unknown properties, duplicate properties, malformed ids, money,
/// currencies, dates and instants are rejected. Every failure to read throws <see cref="JsonException"/>; no other
/// exception escapes a read. Round trips are lossless: serialize, deserialize and serialize again gives identical bytes.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public static class CanonicalJson
{
    /// <summary>Gets the read-only options wired to the canonical source-generated context, for APIs that take options.</summary>
    /// <remarks>Strings are written with minimal escaping (UTF-8 text as is; quotes as <c>\"</c>): the output is JSON
    /// for transport and storage, never embedded in HTML.</remarks>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Gets the source-generated metadata of a canonical type.</summary>
    /// <typeparam name="T">A canonical record, <see cref="Events.BusinessEvent"/>, <see cref="Model.ExternalReference"/>, <see cref="Finance.Money"/> or <see cref="Finance.CurrencyCode"/>.</typeparam>
    /// <returns>The metadata.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a canonical type.</exception>
    public static JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Serializes a value to a JSON string.</summary>
    /// <typeparam name="T">A canonical type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="JsonException">The value holds a default id, currency or open enum that cannot be written.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a canonical type.</exception>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, GetTypeInfo<T>());

    /// <summary>Serializes a value to UTF-8 JSON bytes.</summary>
    /// <typeparam name="T">A canonical type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The UTF-8 JSON bytes.</returns>
    /// <exception cref="JsonException">The value holds a default id, currency or open enum that cannot be written.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a canonical type.</exception>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, GetTypeInfo<T>());

    /// <summary>Serializes a value to a detached <see cref="JsonElement"/>.</summary>
    /// <typeparam name="T">A canonical type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON element.</returns>
    /// <exception cref="JsonException">The value holds a default id, currency or open enum that cannot be written.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a canonical type.</exception>
    public static JsonElement SerializeToElement<T>(T value) => JsonSerializer.SerializeToElement(value, GetTypeInfo<T>());

    /// <summary>Deserializes UTF-8 JSON.</summary>
    /// <typeparam name="T">A canonical type.</typeparam>
    /// <param name="utf8Json">The UTF-8 JSON bytes.</param>
    /// <returns>The value; never <see langword="null"/>.</returns>
    /// <exception cref="JsonException">The JSON is malformed, <c>null</c>, or not a valid <typeparamref name="T"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a canonical type.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
    {
        var typeInfo = GetTypeInfo<T>();
        try
        {
            return NotNull(JsonSerializer.Deserialize(utf8Json, typeInfo));
        }
        catch (Exception ex) when (IsValueFault(ex))
        {
            throw Wrap(ex);
        }
    }

    /// <summary>Deserializes JSON text.</summary>
    /// <typeparam name="T">A canonical type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value; never <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is malformed, <c>null</c>, or not a valid <typeparamref name="T"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a canonical type.</exception>
    public static T Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var typeInfo = GetTypeInfo<T>();
        try
        {
            return NotNull(JsonSerializer.Deserialize(json, typeInfo));
        }
        catch (Exception ex) when (IsValueFault(ex))
        {
            throw Wrap(ex);
        }
    }

    /// <summary>Deserializes a JSON element, for example <see cref="Events.BusinessEvent.Data"/>.</summary>
    /// <typeparam name="T">A canonical type.</typeparam>
    /// <param name="element">The JSON element.</param>
    /// <returns>The value; never <see langword="null"/>.</returns>
    /// <exception cref="JsonException">The element is <c>null</c> or not a valid <typeparamref name="T"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a canonical type.</exception>
    public static T Deserialize<T>(JsonElement element)
    {
        var typeInfo = GetTypeInfo<T>();
        try
        {
            return NotNull(element.Deserialize(typeInfo));
        }
        catch (Exception ex) when (IsValueFault(ex))
        {
            throw Wrap(ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(CanonicalJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = CanonicalJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }

    private static T NotNull<T>(T? value) =>
        value ?? throw new JsonException($"A {typeof(T).Name} cannot be JSON null.");

    // Value-level faults raised by factories while reading (for example an out-of-range amount) become JsonException.
    private static bool IsValueFault(Exception ex) =>
        ex is FormatException or ArgumentException or OverflowException or IntegrationException;

    private static JsonException Wrap(Exception ex) => new($"Invalid canonical JSON: {ex.Message}", ex);
}
