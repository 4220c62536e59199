using ProServ.Integration.Model;

namespace ProServ.Integration.Rules.Internal;

/// <summary>Holds every default of the built-in rule sets.</summary>
internal static class RulesConstants
{
    public const decimal DefaultMaxHoursPerDay = 16m;
    public const decimal DefaultHoursPerDayWarningThreshold = 10m;
    public const decimal DefaultMinHoursPerEntry = 0.01m;
    public const int BuiltInVersion = 1;
    public const string TimeEntryRuleSet = "time-entry";
    public const string InvoiceRuleSet = "invoice";
    public const string EngagementCurrencyRuleSet = "engagement-currency";
    public const string ProjectReadinessRuleSet = "project-readiness";

    public static readonly BillingMethod[] DefaultTimeBillableMethods = [BillingMethod.TimeAndMaterials];
}
