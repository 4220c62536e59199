using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ProServ.Integration.DeadLetter;

/// <summary>
/// Turns stored dead-letter items into display views whose JSON payload has every sensitive value replaced by a
/// placeholder. Store implementations (the SDK's and third parties') use it in <see cref="IDeadLetterStore.ListAsync"/>.
/// </summary>
/// <remarks>Immutable and thread-safe: the options are copied when it is created.</remarks>
public sealed class DeadLetterRedactor
{
    private readonly HashSet<string> _names;
    private readonly string[][] _pointers;
    private readonly string _placeholder;

    /// <summary>Initializes a new instance of the <see cref="DeadLetterRedactor"/> class.</summary>
    /// <param name="options">The redaction settings; they are copied.</param>
    /// <exception cref="ArgumentException">The placeholder is empty or a pointer is not a JSON Pointer.</exception>
    public DeadLetterRedactor(DeadLetterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.RedactionPlaceholder, nameof(options));
        _names = new HashSet<string>(options.SensitivePropertyNames, StringComparer.OrdinalIgnoreCase);
        _placeholder = options.RedactionPlaceholder;
        _pointers = new string[options.SensitivePointers.Count][];
        for (var i = 0; i < _pointers.Length; i++)
        {
            _pointers[i] = ParsePointer(options.SensitivePointers[i]);
        }
    }

    /// <summary>Creates the display view of an item.</summary>
    /// <param name="item">The stored item.</param>
    /// <returns>The view, with <see cref="DeadLetterView.RedactedPayload"/> redacted.</returns>
    public DeadLetterView CreateView(DeadLetterItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new DeadLetterView
        {
            Id = item.Id,
            Tenant = item.Tenant,
            Source = item.Source,
            IdempotencyKey = item.IdempotencyKey,
            CorrelationId = item.CorrelationId,
            ErrorCode = item.ErrorCode,
            ErrorMessage = item.ErrorMessage,
            ContentType = item.ContentType,
            PayloadLength = item.Payload.Length,
            RedactedPayload = Redact(item.Payload.Span, item.ContentType),
            Attempts = item.Attempts,
            FirstFailedAt = item.FirstFailedAt,
            LastFailedAt = item.LastFailedAt,
            ResolvedAt = item.ResolvedAt,
        };
    }

    /// <summary>Redacts a payload for display.</summary>
    /// <param name="payload">The payload bytes.</param>
    /// <param name="contentType">The payload's media type; only <c>application/json</c> and <c>*/*+json</c> are shown.</param>
    /// <returns>The redacted JSON text, or <see langword="null"/> when the payload is not (well-formed) JSON.</returns>
    public string? Redact(ReadOnlySpan<byte> payload, string contentType)
    {
        if (!IsJson(contentType))
        {
            return null;
        }

        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        JsonDocument document;
        try
        {
            if (!JsonDocument.TryParseValue(ref reader, out var parsed))
            {
                return null;
            }

            document = parsed;
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var buffer = new ArrayBufferWriter<byte>(payload.Length + 16);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                var path = new List<string>();
                Write(writer, document.RootElement, path);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        if (semicolon >= 0)
        {
            mediaType = mediaType[..semicolon];
        }

        mediaType = mediaType.Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static string[] ParsePointer(string pointer)
    {
        if (pointer is null || (pointer.Length > 0 && pointer[0] != '/'))
        {
            throw new ArgumentException($"Sensitive pointer '{pointer}' is not a JSON Pointer: it must start with '/'.", nameof(pointer));
        }

        if (pointer.Length == 0)
        {
            return [];
        }

        var segments = pointer[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = segments[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }

        return segments;
    }

    private bool MatchesPointer(List<string> path)
    {
        foreach (var pointer in _pointers)
        {
            if (pointer.Length != path.Count)
            {
                continue;
            }

            var match = true;
            for (var i = 0; i < pointer.Length && match; i++)
            {
                match = string.Equals(pointer[i], "*", StringComparison.Ordinal) || string.Equals(pointer[i], path[i], StringComparison.Ordinal);
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    private void Write(Utf8JsonWriter writer, JsonElement element, List<string> path)
    {
        if (_pointers.Length > 0 && MatchesPointer(path))
        {
            writer.WriteStringValue(_placeholder);
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (_names.Contains(property.Name))
                    {
                        writer.WriteStringValue(_placeholder);
                        continue;
                    }

                    path.Add(property.Name);
                    Write(writer, property.Value, path);
                    path.RemoveAt(path.Count - 1);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var value in element.EnumerateArray())
                {
                    path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Write(writer, value, path);
                    path.RemoveAt(path.Count - 1);
                    index++;
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
