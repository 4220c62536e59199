namespace ProServ.Integration.Mapping;

/// <summary>Holds the outcome of mapping one source record: the canonical record, or every error found.</summary>
/// <typeparam name="T">The canonical record type.</typeparam>
/// <remarks>Expected failures are values: a bad source record never throws. Immutable and thread-safe.</remarks>
public sealed class MappingResult<T>
    where T : class
{
    internal MappingResult(T? value, IReadOnlyList<MappingError> errors, MappingLineage lineage)
    {
        Value = value;
        Errors = errors;
        Lineage = lineage;
    }

    /// <summary>Gets a value indicating whether the record was mapped without errors.</summary>
    public bool IsSuccess => Value is not null;

    /// <summary>Gets the mapped record, or <see langword="null"/> when <see cref="Errors"/> is not empty.</summary>
    public T? Value { get; }

    /// <summary>Gets every error found in the source record; empty on success.</summary>
    public IReadOnlyList<MappingError> Errors { get; }

    /// <summary>Gets where the record came from, set on success and on failure.</summary>
    public MappingLineage Lineage { get; }
}
