namespace ProServ.Integration.Http.Resilience;

/// <summary>Describes a retry the handler is about to make; passed to <see cref="HttpResilienceOptions.OnRetry"/>.</summary>
/// <param name="TargetName">The name of the target (the named HTTP client).</param>
/// <param name="AttemptNumber">The number of the attempt that failed, from 1.</param>
/// <param name="Delay">The wait before the next attempt (the Retry-After value when the target sent one).</param>
/// <param name="StatusCode">The status code of the failed attempt, or <see langword="null"/> when it failed with an exception.</param>
/// <param name="Exception">The exception of the failed attempt, or <see langword="null"/> when it returned a response.</param>
/// <param name="OutcomeUnknown"><see langword="true"/> when the failed attempt may have reached the target (dropped connection, attempt timeout).</param>
public readonly record struct HttpRetryInfo(string TargetName, int AttemptNumber, TimeSpan Delay, int? StatusCode, Exception? Exception, bool OutcomeUnknown);
