namespace ProServ.Integration.Ownership;

/// <summary>Holds the outcome of <see cref="OwnershipPolicy.Merge{T}(T, T, string)"/>: the merged record, the fields applied and the changes refused.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>Immutable.</remarks>
public sealed class OwnershipMergeResult<T>
    where T : class
{
    internal OwnershipMergeResult(T value, bool isNew, IReadOnlyList<string> appliedFields, IReadOnlyList<OwnershipConflict> conflicts)
    {
        Value = value;
        IsNew = isNew;
        AppliedFields = appliedFields;
        Conflicts = conflicts;
    }

    /// <summary>Gets the record to store: the current record with the changes the source may make applied. The same instance as the current record when nothing was applied.</summary>
    public T Value { get; }

    /// <summary>Gets a value indicating whether there was no current record, so the inbound record was taken as a whole.</summary>
    public bool IsNew { get; }

    /// <summary>Gets the JSON Pointers of the fields whose inbound value was applied (changed, added or cleared).</summary>
    public IReadOnlyList<string> AppliedFields { get; }

    /// <summary>Gets the changes refused because another system owns the field.</summary>
    public IReadOnlyList<OwnershipConflict> Conflicts { get; }

    /// <summary>Gets a value indicating whether any change was refused.</summary>
    public bool HasConflicts => Conflicts.Count > 0;

    /// <summary>Gets a value indicating whether anything changed (a new record, or at least one field applied).</summary>
    public bool HasChanges => IsNew || AppliedFields.Count > 0;
}
