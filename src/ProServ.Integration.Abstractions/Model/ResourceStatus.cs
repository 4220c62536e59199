namespace ProServ.Integration.Model;

/// <summary>Lists the statuses of a <see cref="Resource"/>.</summary>
/// <remarks>Wire values: <c>active</c>, <c>inactive</c>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum ResourceStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Available for assignments.</summary>
    Active = 1,

    /// <summary>Left the firm or no longer bookable.</summary>
    Inactive = 2,
}
