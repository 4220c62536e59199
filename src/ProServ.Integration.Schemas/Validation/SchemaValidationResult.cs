namespace ProServ.Integration.Schemas.Validation;

/// <summary>The outcome of validating one instance.</summary>
public sealed class SchemaValidationResult
{
    private SchemaValidationResult(IReadOnlyList<SchemaValidationError> errors) => Errors = errors;

    /// <summary>Gets the shared result for a valid instance. Returning it allocates nothing.</summary>
    public static SchemaValidationResult Valid { get; } = new([]);

    /// <summary>Gets a value indicating whether the instance is valid.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Gets the errors, in document order; empty when valid.</summary>
    public IReadOnlyList<SchemaValidationError> Errors { get; }

    /// <summary>Creates a failed result.</summary>
    /// <param name="errors">At least one error.</param>
    /// <returns>The result.</returns>
    public static SchemaValidationResult Invalid(IReadOnlyList<SchemaValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? throw new ArgumentException("An invalid result needs at least one error.", nameof(errors)) : new(errors);
    }
}
