using ProServ.Integration.Errors;

namespace ProServ.Integration.Mapping;

/// <summary>Reports every problem of a mapping document (and its overlays) found at load, each with its file, line, column and pointer.</summary>
/// <remarks>The <see cref="IntegrationException.ErrorCode"/> is <see cref="MappingErrorCodes.Invalid"/>; the exception is not transient.</remarks>
public sealed class MappingLoadException : IntegrationException
{
    /// <summary>Initializes a new instance of the <see cref="MappingLoadException"/> class.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public MappingLoadException(IReadOnlyList<MappingProblem> problems)
        : base(MappingErrorCodes.Invalid, Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, in document order.</summary>
    public IReadOnlyList<MappingProblem> Problems { get; }

    private static string Describe(IReadOnlyList<MappingProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("At least one problem is required.", nameof(problems));
        }

        return $"The mapping has {problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems);
    }
}
