namespace ProServ.Integration.Inbox;

/// <summary>Creates the SDK's built-in <see cref="IInboxStore"/> implementations.</summary>
public static class InboxStores
{
    /// <summary>Creates a thread-safe inbox that keeps records in process memory, for tests and single-process tools.</summary>
    /// <param name="timeProvider">The clock that stamps records; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>A new, empty store.</returns>
    public static IInboxStore CreateInMemory(TimeProvider? timeProvider = null) =>
        new InMemoryInboxStore(timeProvider ?? TimeProvider.System);
}
