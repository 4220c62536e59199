namespace ProServ.Integration.Outbox;

/// <summary>Creates the SDK's built-in <see cref="IOutboxStore"/> implementations.</summary>
public static class OutboxStores
{
    /// <summary>Creates a thread-safe outbox that keeps messages in process memory, for tests and single-process tools.</summary>
    /// <param name="timeProvider">The clock that stamps messages and leases; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>A new, empty store.</returns>
    public static IOutboxStore CreateInMemory(TimeProvider? timeProvider = null) =>
        new InMemoryOutboxStore(timeProvider ?? TimeProvider.System);
}
