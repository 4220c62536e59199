using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;

namespace ProServ.Integration.Idempotency;

/// <summary>Identifies the content of a request, so that a reused idempotency key with a different request is detected.</summary>
/// <remarks>
/// <para>The value is the SHA-256 digest of the request's canonical bytes, written as 64 lowercase hexadecimal characters.
/// <see cref="FromBytes"/> hashes the bytes as given; <see cref="FromJson(JsonElement)"/> first canonicalises the JSON
/// (see there) so that property order and whitespace do not change the fingerprint.</para>
/// <para><c>default(RequestFingerprint)</c> has a <see langword="null"/> value and is not valid. Immutable and thread-safe.</para>
/// </remarks>
public readonly record struct RequestFingerprint
{
    private const int HexLength = SHA256.HashSizeInBytes * 2;

    private RequestFingerprint(string value) => Value = value;

    /// <summary>Gets the SHA-256 digest as 64 lowercase hexadecimal characters.</summary>
    public string Value { get; }

    /// <summary>Computes the fingerprint of canonical request bytes.</summary>
    /// <param name="canonicalRequest">The request bytes, already in a canonical form.</param>
    /// <returns>The fingerprint.</returns>
    public static RequestFingerprint FromBytes(ReadOnlySpan<byte> canonicalRequest)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonicalRequest, digest);
        return new RequestFingerprint(Convert.ToHexStringLower(digest));
    }

    /// <summary>Computes the fingerprint of a JSON request after canonicalising it.</summary>
    /// <remarks>
    /// The canonical form is compact UTF-8 JSON with every object's properties sorted by the ordinal order of their
    /// names (duplicate names keep their relative order), strings re-escaped by <see cref="Utf8JsonWriter"/>'s default
    /// encoder, and numbers kept as their original text: <c>1</c> and <c>1.0</c> are different requests.
    /// </remarks>
    /// <param name="request">The JSON request.</param>
    /// <returns>The fingerprint.</returns>
    public static RequestFingerprint FromJson(JsonElement request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, request);
        }

        return FromBytes(buffer.WrittenSpan);
    }

    /// <summary>Computes the fingerprint of a UTF-8 JSON request after canonicalising it, as <see cref="FromJson(JsonElement)"/> does.</summary>
    /// <param name="utf8Json">The UTF-8 JSON request.</param>
    /// <returns>The fingerprint.</returns>
    /// <exception cref="JsonException"><paramref name="utf8Json"/> is not valid JSON.</exception>
    public static RequestFingerprint FromJson(ReadOnlyMemory<byte> utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return FromJson(document.RootElement);
    }

    /// <summary>Parses a stored fingerprint (64 hexadecimal characters).</summary>
    /// <param name="value">The text.</param>
    /// <returns>The fingerprint.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is not 64 hexadecimal characters.</exception>
    public static RequestFingerprint Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var fingerprint)
            ? fingerprint
            : throw new FormatException($"A request fingerprint is {HexLength} hexadecimal characters; got {value.Length} characters.");
    }

    /// <summary>Tries to parse a stored fingerprint (64 hexadecimal characters, any case).</summary>
    /// <param name="value">The text.</param>
    /// <param name="fingerprint">The fingerprint, when the text is valid.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is 64 hexadecimal characters.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out RequestFingerprint fingerprint)
    {
        if (value is null || value.Length != HexLength || !IsHex(value))
        {
            fingerprint = default;
            return false;
        }

        fingerprint = new RequestFingerprint(value.ToLowerInvariant());
        return true;
    }

    /// <summary>Returns the hexadecimal digest.</summary>
    /// <returns>The hexadecimal digest.</returns>
    public override string ToString() => Value ?? string.Empty;

    private static bool IsHex(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new List<JsonProperty>();
                foreach (var property in element.EnumerateObject())
                {
                    properties.Add(property);
                }

                // A stable sort keeps duplicate names in document order.
                var ordered = properties.Select((p, i) => (p, i)).OrderBy(x => x.p.Name, StringComparer.Ordinal).ThenBy(x => x.i);
                writer.WriteStartObject();
                foreach (var (property, _) in ordered)
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
