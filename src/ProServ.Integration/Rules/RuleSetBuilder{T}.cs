using System.Globalization;
using ProServ.Integration.Errors;
using ProServ.Integration.Internal;
using ProServ.Integration.Rules.Internal;

namespace ProServ.Integration.Rules;

/// <summary>Composes business rules into an immutable <see cref="RuleSet{T}"/>.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>Rules run in the order they are added. Not thread-safe; <see cref="Build"/> checks everything once.</remarks>
public sealed class RuleSetBuilder<T>
    where T : class
{
    private readonly List<IRule<T>> rules = [];
    private readonly List<string> problems = [];
    private readonly string name;
    private readonly int version;

    internal RuleSetBuilder(string name, int version)
    {
        this.name = name;
        this.version = version;
    }

    /// <summary>Adds a rule.</summary>
    /// <param name="rule">The rule; its <see cref="IRule{T}.Name"/> must be unique in the set.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public RuleSetBuilder<T> Add(IRule<T> rule)
    {
        rules.Add(Guard.NotNull(rule));
        return this;
    }

    /// <summary>Adds a rule written as a synchronous check.</summary>
    /// <param name="ruleName">The rule's name, unique in the set.</param>
    /// <param name="check">Reports what the record breaks through <see cref="RuleContext.Report(string, RuleSeverity, string, string)"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleName"/> or <paramref name="check"/> is <see langword="null"/>.</exception>
    public RuleSetBuilder<T> Add(string ruleName, Action<T, RuleContext> check)
    {
        Guard.NotNull(ruleName);
        Guard.NotNull(check);
        rules.Add(new DelegateRule<T>(ruleName, (record, context, _) =>
        {
            check(record, context);
            return ValueTask.CompletedTask;
        }));
        return this;
    }

    /// <summary>Adds a rule written as an asynchronous check, for rules that look up related records.</summary>
    /// <param name="ruleName">The rule's name, unique in the set.</param>
    /// <param name="check">Reports what the record breaks through <see cref="RuleContext.Report(string, RuleSeverity, string, string)"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleName"/> or <paramref name="check"/> is <see langword="null"/>.</exception>
    public RuleSetBuilder<T> Add(string ruleName, Func<T, RuleContext, CancellationToken, ValueTask> check)
    {
        Guard.NotNull(ruleName);
        rules.Add(new DelegateRule<T>(ruleName, Guard.NotNull(check)));
        return this;
    }

    /// <summary>Adds every rule of another rule set (for example a built-in one), in its order.</summary>
    /// <param name="ruleSet">The rule set to include.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is <see langword="null"/>.</exception>
    public RuleSetBuilder<T> Include(RuleSet<T> ruleSet)
    {
        Guard.NotNull(ruleSet);
        rules.AddRange(ruleSet.Rules);
        return this;
    }

    /// <summary>Removes a rule added or included earlier.</summary>
    /// <param name="ruleName">The rule's name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleName"/> is <see langword="null"/>.</exception>
    /// <remarks>Removing a rule that is not there is reported by <see cref="Build"/>, so a renamed built-in rule cannot be silently kept.</remarks>
    public RuleSetBuilder<T> Remove(string ruleName)
    {
        Guard.NotNull(ruleName);
        if (rules.RemoveAll(rule => string.Equals(rule.Name, ruleName, StringComparison.Ordinal)) == 0)
        {
            problems.Add($"Remove('{ruleName}'): the rule set has no rule of that name.");
        }

        return this;
    }

    /// <summary>Checks the rule set and creates it.</summary>
    /// <returns>The immutable rule set.</returns>
    /// <exception cref="IntegrationException">Error code <see cref="RuleCodes.InvalidRuleSet"/>: the name, the version or the rules are not valid; the message lists every problem.</exception>
    public RuleSet<T> Build()
    {
        var found = new List<string>(problems);
        if (!RuleNaming.IsValidName(name))
        {
            found.Add($"The rule set name '{name}' is not valid: use 1 to 64 lowercase letters, digits and hyphens, starting with a letter.");
        }

        if (version < 1)
        {
            found.Add(string.Create(CultureInfo.InvariantCulture, $"The rule set version {version} is not valid: versions start at 1."));
        }

        if (rules.Count == 0)
        {
            found.Add("The rule set has no rules.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!RuleNaming.IsValidName(rule.Name))
            {
                found.Add($"The rule name '{rule.Name}' is not valid: use 1 to 64 lowercase letters, digits and hyphens, starting with a letter.");
            }
            else if (!seen.Add(rule.Name))
            {
                found.Add($"The rule name '{rule.Name}' is used twice.");
            }
        }

        if (found.Count > 0)
        {
            throw new IntegrationException(
                RuleCodes.InvalidRuleSet,
                $"Rule set '{name}' v{version.ToString(CultureInfo.InvariantCulture)} is not valid:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", found)}");
        }

        return new RuleSet<T>(name, version, [.. rules]);
    }
}
