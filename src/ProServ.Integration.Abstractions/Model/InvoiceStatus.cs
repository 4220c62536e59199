namespace ProServ.Integration.Model;

/// <summary>Lists the statuses of an <see cref="Invoice"/>.</summary>
/// <remarks>Wire values: <c>draft</c>, <c>posted</c>, <c>sent</c>, <c>partially-paid</c>, <c>paid</c>, <c>void</c>, <c>disputed</c>. Transitions: <see cref="Lifecycles.Invoice"/>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum InvoiceStatus
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Being prepared; may still change.</summary>
    Draft = 1,

    /// <summary>Posted to the ledger in the ERP; immutable from here.</summary>
    Posted = 2,

    /// <summary>Delivered to the client.</summary>
    Sent = 3,

    /// <summary>Some but not all of the total has been paid.</summary>
    PartiallyPaid = 4,

    /// <summary>Fully paid.</summary>
    Paid = 5,

    /// <summary>Cancelled after posting (reversed in the ledger).</summary>
    Void = 6,

    /// <summary>The client disputes the invoice.</summary>
    Disputed = 7,
}
