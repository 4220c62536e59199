namespace ProServ.Integration.Model;

/// <summary>Lists the approval statuses of a <see cref="TimeEntry"/>.</summary>
/// <remarks>Wire values: <c>draft</c>, <c>submitted</c>, <c>approved</c>, <c>rejected</c>. Only approved billable time becomes billing events. Transitions: <see cref="Lifecycles.TimeEntry"/>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum TimeEntryStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Being recorded by the resource.</summary>
    Draft = 1,

    /// <summary>Submitted for approval.</summary>
    Submitted = 2,

    /// <summary>Approved; billable time may be billed.</summary>
    Approved = 3,

    /// <summary>Returned to the resource for correction.</summary>
    Rejected = 4,
}
