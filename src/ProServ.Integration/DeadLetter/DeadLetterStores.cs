namespace ProServ.Integration.DeadLetter;

/// <summary>Creates the SDK's built-in <see cref="IDeadLetterStore"/> implementations.</summary>
public static class DeadLetterStores
{
    /// <summary>Creates a thread-safe dead-letter store that keeps items in process memory, for tests and single-process tools.</summary>
    /// <param name="options">The redaction settings; the default value is a new <see cref="DeadLetterOptions"/>.</param>
    /// <param name="timeProvider">The clock that stamps failures and resolutions; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>A new, empty store.</returns>
    public static IDeadLetterStore CreateInMemory(DeadLetterOptions? options = null, TimeProvider? timeProvider = null) =>
        new InMemoryDeadLetterStore(options ?? new DeadLetterOptions(), timeProvider ?? TimeProvider.System);
}
