namespace ProServ.Integration.Checkpoints;

/// <summary>Creates the SDK's built-in <see cref="ICheckpointStore"/> implementations.</summary>
public static class CheckpointStores
{
    /// <summary>Creates a thread-safe checkpoint store that keeps cursors in process memory, for tests and single-process tools.</summary>
    /// <param name="timeProvider">The clock that stamps advances; the default value is <see cref="TimeProvider.System"/>.</param>
    /// <returns>A new, empty store.</returns>
    public static ICheckpointStore CreateInMemory(TimeProvider? timeProvider = null) =>
        new InMemoryCheckpointStore(timeProvider ?? TimeProvider.System);
}
