using ProServ.Integration.Internal;

namespace ProServ.Integration.Idempotency;

/// <summary>Describes why an operation failed, as stored for a permanent failure.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class IdempotencyFailure
{
    /// <summary>Initializes a new instance of the <see cref="IdempotencyFailure"/> class.</summary>
    /// <param name="errorCode">The stable error code, for example <c>erp.invoice-rejected</c>.</param>
    /// <param name="message">A message for people.</param>
    /// <exception cref="ArgumentException"><paramref name="errorCode"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public IdempotencyFailure(string errorCode, string message)
    {
        ErrorCode = Guard.NotNullOrWhiteSpace(errorCode);
        Message = Guard.NotNull(message);
    }

    /// <summary>Gets the stable error code.</summary>
    public string ErrorCode { get; }

    /// <summary>Gets the message.</summary>
    public string Message { get; }
}
