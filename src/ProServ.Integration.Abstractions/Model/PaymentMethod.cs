namespace ProServ.Integration.Model;

/// <summary>Lists how a <see cref="Payment"/> was made.</summary>
/// <remarks>Wire values: <c>bank-transfer</c>, <c>card</c>, <c>check</c>, <c>direct-debit</c>, <c>other</c>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum PaymentMethod
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>A credit transfer (wire, ACH, SEPA).</summary>
    BankTransfer = 1,

    /// <summary>A credit or debit card payment.</summary>
    Card = 2,

    /// <summary>A paper check.</summary>
    Check = 3,

    /// <summary>A debit pulled by the firm under a mandate.</summary>
    DirectDebit = 4,

    /// <summary>Any other method.</summary>
    Other = 5,
}
