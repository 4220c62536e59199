using ProServ.Integration.Internal;

namespace ProServ.Integration.Idempotency;

/// <summary>Represents the stored result of a completed operation, replayed to every later caller with the same key.</summary>
/// <remarks>Immutable and thread-safe; the content is copied on construction.</remarks>
public sealed class IdempotencyOutcome
{
    private readonly byte[] _content;

    /// <summary>Initializes a new instance of the <see cref="IdempotencyOutcome"/> class.</summary>
    /// <param name="content">The serialized result; copied.</param>
    /// <param name="contentType">The media type of <paramref name="content"/>, for example <c>application/json</c>.</param>
    /// <param name="statusCode">A status for the result, for example an HTTP status code; 0 when not applicable.</param>
    /// <exception cref="ArgumentException"><paramref name="contentType"/> is <see langword="null"/>, empty or white space.</exception>
    public IdempotencyOutcome(ReadOnlySpan<byte> content, string contentType, int statusCode = 0)
    {
        _content = content.ToArray();
        ContentType = Guard.NotNullOrWhiteSpace(contentType);
        StatusCode = statusCode;
    }

    /// <summary>Gets the serialized result.</summary>
    public ReadOnlyMemory<byte> Content => _content;

    /// <summary>Gets the media type of <see cref="Content"/>.</summary>
    public string ContentType { get; }

    /// <summary>Gets the status of the result (for example an HTTP status code); 0 when not applicable.</summary>
    public int StatusCode { get; }
}
