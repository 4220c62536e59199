namespace ProServ.Integration.Model;

/// <summary>Lists the statuses of a <see cref="Payment"/>.</summary>
/// <remarks>Wire values: <c>pending</c>, <c>cleared</c>, <c>failed</c>, <c>refunded</c>. Transitions: <see cref="Lifecycles.Payment"/>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum PaymentStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Announced or in transit, not yet cleared.</summary>
    Pending = 1,

    /// <summary>Received and cleared; applied to the invoice.</summary>
    Cleared = 2,

    /// <summary>Bounced, declined or returned.</summary>
    Failed = 3,

    /// <summary>Paid back to the client after clearing.</summary>
    Refunded = 4,
}
