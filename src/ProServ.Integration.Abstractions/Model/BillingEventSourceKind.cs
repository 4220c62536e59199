namespace ProServ.Integration.Model;

/// <summary>Lists what produced a <see cref="BillingEvent"/>.</summary>
/// <remarks>Wire values: <c>time-entry</c>, <c>milestone</c>, <c>expense</c>, <c>retainer</c>, <c>subscription</c>, <c>adjustment</c>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum BillingEventSourceKind
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>An approved billable time entry.</summary>
    TimeEntry = 1,

    /// <summary>An approved milestone.</summary>
    Milestone = 2,

    /// <summary>An approved billable expense.</summary>
    Expense = 3,

    /// <summary>A retainer period.</summary>
    Retainer = 4,

    /// <summary>A subscription period.</summary>
    Subscription = 5,

    /// <summary>A manual adjustment or credit; the only kind whose amount may be negative.</summary>
    Adjustment = 6,
}
