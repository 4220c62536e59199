namespace ProServ.Integration.Model;

/// <summary>Lists the billing periods of a recurring (retainer or subscription) contract line.</summary>
/// <remarks>Wire values: <c>monthly</c>, <c>quarterly</c>, <c>semi-annually</c>, <c>annually</c>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum RecurrencePeriod
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Every calendar month.</summary>
    Monthly = 1,

    /// <summary>Every calendar quarter.</summary>
    Quarterly = 2,

    /// <summary>Every half year.</summary>
    SemiAnnually = 3,

    /// <summary>Every year.</summary>
    Annually = 4,
}
