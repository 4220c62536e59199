namespace ProServ.Integration.Errors;

/// <summary>
/// Represents a runtime fault raised by the ProServ.Integration SDK. Every exception the SDK throws on purpose
/// derives from this type, so retry and dead-letter decisions read <see cref="ErrorCode"/> and
/// <see cref="IsTransient"/>, never message text.
/// </summary>
/// <remarks>
/// Expected failures (a payload that fails validation, a mapping that cannot be applied) are returned as
/// result values, not thrown. This type is for faults: invalid configuration, an invalid schema document,
/// a violated invariant such as adding money of two currencies.
/// </remarks>
public class IntegrationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="IntegrationException"/> class.</summary>
    /// <param name="errorCode">The stable, machine-readable error code, for example <c>money.currency-mismatch</c>.</param>
    /// <param name="message">The message that describes the fault.</param>
    /// <param name="isTransient"><see langword="true"/> when retrying the same operation later may succeed.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public IntegrationException(string errorCode, string message, bool isTransient = false, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ErrorCode = errorCode;
        IsTransient = isTransient;
    }

    /// <summary>Gets the stable, machine-readable error code. Codes are constants; they never change between releases.</summary>
    public string ErrorCode { get; }

    /// <summary>Gets a value indicating whether retrying the same operation later may succeed.</summary>
    public bool IsTransient { get; }
}
