namespace ProServ.Integration.Model;

/// <summary>Lists the statuses of a <see cref="ContractLine"/>.</summary>
/// <remarks>Wire values: <c>draft</c>, <c>active</c>, <c>suspended</c>, <c>closed</c>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum ContractLineStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Not yet in force.</summary>
    Draft = 1,

    /// <summary>In force; may produce billing events.</summary>
    Active = 2,

    /// <summary>Temporarily not billing.</summary>
    Suspended = 3,

    /// <summary>Ended; produces no further billing events.</summary>
    Closed = 4,
}
