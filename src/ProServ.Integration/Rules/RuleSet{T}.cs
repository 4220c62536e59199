using ProServ.Integration.Internal;

namespace ProServ.Integration.Rules;

/// <summary>A named, versioned set of business rules over one canonical record type, evaluated together.</summary>
/// <typeparam name="T">The record type, for example <see cref="Model.TimeEntry"/>.</typeparam>
/// <remarks>
/// Built by <see cref="RuleSet.CreateBuilder{T}(string, int)"/> or taken from <see cref="BuiltInRuleSets"/>. Every rule runs on every
/// evaluation and every violation is collected (never only the first). Immutable and thread-safe; keep one instance.
/// When the reference data answers synchronously (as <see cref="InMemoryRuleReferenceData"/> does), an evaluation
/// that finds nothing allocates only its context and result.
/// </remarks>
public sealed class RuleSet<T>
    where T : class
{
    private readonly IRule<T>[] rules;

    internal RuleSet(string name, int version, IRule<T>[] rules)
    {
        Name = name;
        Version = version;
        this.rules = rules;
        var names = new string[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            names[i] = rules[i].Name;
        }

        RuleNames = names;
    }

    /// <summary>Gets the rule set's name, for example <c>time-entry</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the rule set's version, a positive integer raised whenever its rules change.</summary>
    public int Version { get; }

    /// <summary>Gets the names of the rules, in evaluation order.</summary>
    public IReadOnlyList<string> RuleNames { get; }

    internal IReadOnlyList<IRule<T>> Rules => rules;

    /// <summary>Evaluates every rule against a record and collects every violation.</summary>
    /// <param name="record">The record.</param>
    /// <param name="referenceData">The lookups for related records; <see langword="null"/> for <see cref="RuleReferenceData.None"/>.</param>
    /// <param name="cancellationToken">A token to cancel the evaluation.</param>
    /// <returns>The result, valid when no violation is an error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask<RuleResult> EvaluateAsync(T record, RuleReferenceData? referenceData = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(record);
        var context = new RuleContext(referenceData ?? RuleReferenceData.None);
        for (var i = 0; i < rules.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pending = rules[i].EvaluateAsync(record, context, cancellationToken);
            if (!pending.IsCompletedSuccessfully)
            {
                return ContinueAsync(pending, i + 1, record, context, cancellationToken);
            }

            pending.GetAwaiter().GetResult();
        }

        return new(Complete(context));
    }

    private async ValueTask<RuleResult> ContinueAsync(ValueTask pending, int next, T record, RuleContext context, CancellationToken cancellationToken)
    {
        await pending.ConfigureAwait(false);
        for (var i = next; i < rules.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await rules[i].EvaluateAsync(record, context, cancellationToken).ConfigureAwait(false);
        }

        return Complete(context);
    }

    private RuleResult Complete(RuleContext context) => new(Name, Version, context.TakeViolations());
}
