namespace ProServ.Integration.CrossReference;

/// <summary>Creates the SDK's built-in <see cref="ICrossReferenceStore"/> implementations.</summary>
public static class CrossReferenceStores
{
    /// <summary>Creates a thread-safe cross-reference store that keeps links in process memory, for tests and single-process tools.</summary>
    /// <param name="timeProvider">The clock that stamps links and history; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>A new, empty store.</returns>
    public static ICrossReferenceStore CreateInMemory(TimeProvider? timeProvider = null) =>
        new InMemoryCrossReferenceStore(timeProvider ?? TimeProvider.System);
}
