namespace ProServ.Integration.Model;

/// <summary>Lists the account statuses of a <see cref="Client"/>.</summary>
/// <remarks>Wire values: <c>active</c>, <c>on-hold</c>, <c>inactive</c>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum ClientStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>May be sold to, delivered to and billed.</summary>
    Active = 1,

    /// <summary>Credit hold: no new work until resolved.</summary>
    OnHold = 2,

    /// <summary>No longer a client.</summary>
    Inactive = 3,
}
