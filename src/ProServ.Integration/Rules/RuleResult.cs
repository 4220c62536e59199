namespace ProServ.Integration.Rules;

/// <summary>Holds every violation one evaluation of a <see cref="RuleSet{T}"/> found.</summary>
/// <remarks>Violations are in rule order, then in the order each rule found them. Immutable and thread-safe.</remarks>
public sealed class RuleResult
{
    internal RuleResult(string ruleSetName, int ruleSetVersion, IReadOnlyList<RuleViolation> violations)
    {
        RuleSetName = ruleSetName;
        RuleSetVersion = ruleSetVersion;
        Violations = violations;
        foreach (var violation in violations)
        {
            if (violation.Severity == RuleSeverity.Error)
            {
                ErrorCount++;
            }
            else
            {
                WarningCount++;
            }
        }
    }

    /// <summary>Gets the name of the rule set that produced the result.</summary>
    public string RuleSetName { get; }

    /// <summary>Gets the version of the rule set that produced the result.</summary>
    public int RuleSetVersion { get; }

    /// <summary>Gets every violation found, errors and warnings; empty when the record passes.</summary>
    public IReadOnlyList<RuleViolation> Violations { get; }

    /// <summary>Gets the number of violations with <see cref="RuleSeverity.Error"/>.</summary>
    public int ErrorCount { get; }

    /// <summary>Gets the number of violations with <see cref="RuleSeverity.Warning"/>.</summary>
    public int WarningCount { get; }

    /// <summary>Gets a value indicating whether the record may be processed: it has no <see cref="RuleSeverity.Error"/> violation (warnings allowed).</summary>
    public bool IsValid => ErrorCount == 0;
}
