namespace ProServ.Integration.Rules;

/// <summary>Carries the reference data of one rule-set evaluation and collects its violations.</summary>
/// <remarks>Created by <see cref="RuleSet{T}"/> for each evaluation; not thread-safe, do not keep it after the rule returns. The violation list is allocated only when something is reported.</remarks>
public sealed class RuleContext
{
    private List<RuleViolation>? violations;

    internal RuleContext(RuleReferenceData referenceData)
    {
        ReferenceData = referenceData;
    }

    /// <summary>Gets the lookups rules use for related records (engagements, contract lines, assignments, hours already booked).</summary>
    public RuleReferenceData ReferenceData { get; }

    internal int Count => violations?.Count ?? 0;

    /// <summary>Reports a violation of the evaluated record.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="path">The JSON Pointer of the offending value, for example <c>/hours</c>.</param>
    /// <param name="message">The message for a finance user.</param>
    public void Report(string code, RuleSeverity severity, string path, string message) =>
        Report(new RuleViolation(code, severity, path, message));

    /// <summary>Reports a violation.</summary>
    /// <param name="violation">The violation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="violation"/> is <see langword="null"/>.</exception>
    public void Report(RuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        (violations ??= []).Add(violation);
    }

    internal IReadOnlyList<RuleViolation> TakeViolations() => violations is null ? [] : violations;
}
