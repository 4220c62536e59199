namespace ProServ.Integration.Model;

/// <summary>Lists the delivery statuses of an <see cref="Engagement"/>.</summary>
/// <remarks>Wire values: <c>planned</c>, <c>active</c>, <c>on-hold</c>, <c>completed</c>, <c>cancelled</c>. Transitions: <see cref="Lifecycles.Engagement"/>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum EngagementStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Set up but not yet started; no time may be booked.</summary>
    Planned = 1,

    /// <summary>Delivering; time and expenses may be booked.</summary>
    Active = 2,

    /// <summary>Paused by the client or the firm; no new time.</summary>
    OnHold = 3,

    /// <summary>Delivered and closed for booking.</summary>
    Completed = 4,

    /// <summary>Stopped before completion.</summary>
    Cancelled = 5,
}
