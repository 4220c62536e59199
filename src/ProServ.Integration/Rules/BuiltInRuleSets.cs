using System.Globalization;
using ProServ.Integration.Internal;
using ProServ.Integration.Model;
using ProServ.Integration.Rules.Internal;

namespace ProServ.Integration.Rules;

/// <summary>Creates the business rule sets the SDK ships: time entry, invoice, engagement currency and the closed-won project-readiness gate.</summary>
/// <remarks>
/// Each is version 1 of its name. Compose them with your own rules through
/// <see cref="RuleSet.CreateBuilder{T}(string, int)"/> and <see cref="RuleSetBuilder{T}.Include(RuleSet{T})"/>; drop a
/// built-in rule with <see cref="RuleSetBuilder{T}.Remove(string)"/>. The rule names and codes are listed in docs/rules.md.
/// </remarks>
public static class BuiltInRuleSets
{
    /// <summary>Creates the <c>time-entry</c> rule set: rules <c>daily-hours</c>, <c>engagement-window</c>, <c>assignment-window</c>, <c>billable-contract-line</c>.</summary>
    /// <param name="options">The bounds; <see langword="null"/> for the defaults.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentException">The options are out of range or contradict each other; the message lists every problem.</exception>
    public static RuleSet<TimeEntry> TimeEntry(BusinessRuleOptions? options = null)
    {
        options ??= new BusinessRuleOptions();
        Validate(options);
        return RuleSet.CreateBuilder<TimeEntry>(RulesConstants.TimeEntryRuleSet, RulesConstants.BuiltInVersion)
            .Add(new DailyHoursRule(options.MaxHoursPerDay, options.HoursPerDayWarningThreshold, options.MinHoursPerEntry))
            .Add(new EngagementWindowRule())
            .Add(new AssignmentWindowRule())
            .Add(new BillableContractLineRule([.. options.TimeBillableMethods]))
            .Build();
    }

    /// <summary>Creates the <c>invoice</c> rule set: rules <c>totals</c> (one currency, rounding, line amounts, totals = lines plus tax) and <c>engagement-currency</c>.</summary>
    /// <returns>The rule set.</returns>
    public static RuleSet<Invoice> Invoice() =>
        RuleSet.CreateBuilder<Invoice>(RulesConstants.InvoiceRuleSet, RulesConstants.BuiltInVersion)
            .Add(new InvoiceArithmeticRule())
            .Add(new InvoiceEngagementCurrencyRule())
            .Build();

    /// <summary>Creates the <c>engagement-currency</c> rule set: rule <c>one-currency</c>, every contract line and invoice of the engagement in its currency.</summary>
    /// <returns>The rule set.</returns>
    public static RuleSet<Engagement> EngagementCurrency() =>
        RuleSet.CreateBuilder<Engagement>(RulesConstants.EngagementCurrencyRuleSet, RulesConstants.BuiltInVersion)
            .Add(new EngagementCurrencyRule())
            .Build();

    /// <summary>Creates the <c>project-readiness</c> gate: rule <c>set-up-fields</c>, a closed-won opportunity with legal entity, billing method, start date, service line and project manager.</summary>
    /// <returns>The rule set.</returns>
    public static RuleSet<Opportunity> ProjectReadiness() =>
        RuleSet.CreateBuilder<Opportunity>(RulesConstants.ProjectReadinessRuleSet, RulesConstants.BuiltInVersion)
            .Add(new ProjectReadinessRule())
            .Build();

    private static void Validate(BusinessRuleOptions options)
    {
        var problems = new List<string>();
        Range(problems, options.MaxHoursPerDay, nameof(options.MaxHoursPerDay));
        Range(problems, options.HoursPerDayWarningThreshold, nameof(options.HoursPerDayWarningThreshold));
        Range(problems, options.MinHoursPerEntry, nameof(options.MinHoursPerEntry));
        if (options.HoursPerDayWarningThreshold > options.MaxHoursPerDay)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"HoursPerDayWarningThreshold ({options.HoursPerDayWarningThreshold}) is above MaxHoursPerDay ({options.MaxHoursPerDay})."));
        }

        if (options.MinHoursPerEntry > options.MaxHoursPerDay)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MinHoursPerEntry ({options.MinHoursPerEntry}) is above MaxHoursPerDay ({options.MaxHoursPerDay})."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Business rule options are not valid: " + string.Join(" ", problems), nameof(options));
        }
    }

    private static void Range(List<string> problems, decimal value, string name)
    {
        if (value is < 0.01m or > 24m)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} is {value}; it must be between 0.01 and 24 hours."));
        }
    }
}
