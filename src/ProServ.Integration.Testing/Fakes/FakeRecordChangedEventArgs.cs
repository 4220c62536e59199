namespace ProServ.Integration.Testing.Fakes;

/// <summary>Carries the new snapshot of a record a fake system created, updated or deleted.</summary>
/// <param name="record">The new snapshot.</param>
public sealed class FakeRecordChangedEventArgs(FakeRecord record) : EventArgs
{
    /// <summary>Gets the new snapshot of the record.</summary>
    public FakeRecord Record { get; } = record;
}
