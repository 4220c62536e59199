namespace ProServ.Integration.Model;

/// <summary>Lists the approval statuses of an <see cref="Expense"/>.</summary>
/// <remarks>Wire values: <c>draft</c>, <c>submitted</c>, <c>approved</c>, <c>rejected</c>, <c>reimbursed</c>. Transitions: <see cref="Lifecycles.Expense"/>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum ExpenseStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Being recorded.</summary>
    Draft = 1,

    /// <summary>Submitted for approval.</summary>
    Submitted = 2,

    /// <summary>Approved; billable expenses may be billed.</summary>
    Approved = 3,

    /// <summary>Returned for correction.</summary>
    Rejected = 4,

    /// <summary>Approved and paid back to the resource.</summary>
    Reimbursed = 5,
}
