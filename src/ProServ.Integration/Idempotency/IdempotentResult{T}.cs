namespace ProServ.Integration.Idempotency;

/// <summary>Represents the value of an operation run through <see cref="IdempotentExecutor"/>, and whether it was replayed.</summary>
/// <typeparam name="T">The type of the operation's outcome.</typeparam>
/// <param name="Value">The outcome: fresh from the operation, or deserialized from the stored outcome.</param>
/// <param name="IsReplay"><see langword="true"/> when the operation did not run in this call because it had completed before.</param>
public readonly record struct IdempotentResult<T>(T Value, bool IsReplay);
