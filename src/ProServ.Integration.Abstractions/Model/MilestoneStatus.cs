namespace ProServ.Integration.Model;

/// <summary>Lists the statuses of a <see cref="Milestone"/>.</summary>
/// <remarks>Wire values: <c>planned</c>, <c>in-progress</c>, <c>completed</c>, <c>approved</c>, <c>billed</c>, <c>cancelled</c>. Transitions: <see cref="Lifecycles.Milestone"/>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum MilestoneStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Not started.</summary>
    Planned = 1,

    /// <summary>Work toward the milestone has started.</summary>
    InProgress = 2,

    /// <summary>Delivered by the firm, awaiting client acceptance.</summary>
    Completed = 3,

    /// <summary>Accepted by the client; may be billed.</summary>
    Approved = 4,

    /// <summary>A billing event has been created for it.</summary>
    Billed = 5,

    /// <summary>Dropped from the contract.</summary>
    Cancelled = 6,
}
