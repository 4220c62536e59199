namespace ProServ.Integration.DeadLetter;

/// <summary>Represents what a replay handler reports: success, or a failure with its error.</summary>
public readonly record struct ReplayOutcome
{
    private ReplayOutcome(bool isSuccess, string? errorCode, string? errorMessage)
    {
        IsSuccess = isSuccess;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>Gets the outcome of a replay that succeeded.</summary>
    public static ReplayOutcome Success { get; } = new(true, null, null);

    /// <summary>Gets a value indicating whether the replay succeeded.</summary>
    public bool IsSuccess { get; }

    /// <summary>Gets the error code of a failed replay, or <see langword="null"/>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Gets the error message of a failed replay, or <see langword="null"/>.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Creates the outcome of a replay that failed.</summary>
    /// <param name="errorCode">The stable error code.</param>
    /// <param name="errorMessage">The error message.</param>
    /// <returns>The failed outcome.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public static ReplayOutcome Failure(string errorCode, string errorMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ArgumentNullException.ThrowIfNull(errorMessage);
        return new ReplayOutcome(false, errorCode, errorMessage);
    }
}
