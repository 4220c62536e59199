namespace ProServ.Integration.Rules;

/// <summary>Defines one named business rule over a canonical record; rules are composed into a <see cref="RuleSet{T}"/>.</summary>
/// <typeparam name="T">The record type, for example <see cref="Model.TimeEntry"/>.</typeparam>
/// <remarks>A rule reports every problem it finds through <see cref="RuleContext.Report(string, RuleSeverity, string, string)"/> and never throws for bad data. Implementations must be thread-safe: one instance serves concurrent evaluations.</remarks>
public interface IRule<in T>
    where T : class
{
    /// <summary>Gets the rule's name, unique in its rule set, for example <c>daily-hours</c>.</summary>
    string Name { get; }

    /// <summary>Checks a record and reports what it breaks.</summary>
    /// <param name="record">The record.</param>
    /// <param name="context">Reference data and the violation sink of this evaluation.</param>
    /// <param name="cancellationToken">A token to cancel reference-data lookups.</param>
    /// <returns>A task that completes when the rule has reported everything it found; completes synchronously when the lookups do.</returns>
    ValueTask EvaluateAsync(T record, RuleContext context, CancellationToken cancellationToken);
}
