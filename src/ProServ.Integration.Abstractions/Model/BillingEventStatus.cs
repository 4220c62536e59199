namespace ProServ.Integration.Model;

/// <summary>Lists the statuses of a <see cref="BillingEvent"/>.</summary>
/// <remarks>Wire values: <c>pending</c>, <c>invoiced</c>, <c>credited</c>, <c>cancelled</c>. Transitions: <see cref="Lifecycles.BillingEvent"/>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum BillingEventStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Ready to be invoiced.</summary>
    Pending = 1,

    /// <summary>Included in a posted invoice.</summary>
    Invoiced = 2,

    /// <summary>Reversed by a credit note after invoicing.</summary>
    Credited = 3,

    /// <summary>Withdrawn before invoicing.</summary>
    Cancelled = 4,
}
