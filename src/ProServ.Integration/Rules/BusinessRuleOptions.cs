using System.ComponentModel.DataAnnotations;
using ProServ.Integration.Model;
using ProServ.Integration.Rules.Internal;

namespace ProServ.Integration.Rules;

/// <summary>Configures the bounds of the built-in rule sets in <see cref="BuiltInRuleSets"/>.</summary>
/// <remarks>Read once when a rule set is created; changing the options afterwards does not change that rule set. Hours are decimal hours (7.5 = 7 h 30 min).</remarks>
public sealed class BusinessRuleOptions
{
    /// <summary>Gets or sets the most hours one person may book on one day over all engagements; more is an error. The default value is 16.</summary>
    [Range(typeof(decimal), "0.01", "24")]
    public decimal MaxHoursPerDay { get; set; } = RulesConstants.DefaultMaxHoursPerDay;

    /// <summary>Gets or sets the hours per person per day above which a warning is raised. The default value is 10.</summary>
    [Range(typeof(decimal), "0.01", "24")]
    public decimal HoursPerDayWarningThreshold { get; set; } = RulesConstants.DefaultHoursPerDayWarningThreshold;

    /// <summary>Gets or sets the fewest hours a single time entry may have. The default value is 0.01.</summary>
    [Range(typeof(decimal), "0.01", "24")]
    public decimal MinHoursPerEntry { get; set; } = RulesConstants.DefaultMinHoursPerEntry;

    /// <summary>Gets the billing methods whose contract lines bill time. The default value is { <see cref="BillingMethod.TimeAndMaterials"/> }.</summary>
    public ISet<BillingMethod> TimeBillableMethods { get; } = new HashSet<BillingMethod>(RulesConstants.DefaultTimeBillableMethods);
}
