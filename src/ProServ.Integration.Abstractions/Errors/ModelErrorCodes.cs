namespace ProServ.Integration.Errors;

/// <summary>Holds the stable error codes of the canonical model, carried by <see cref="IntegrationException.ErrorCode"/>.</summary>
/// <remarks>Codes are constants: they never change between releases, so callers may branch on them.</remarks>
public static class ModelErrorCodes
{
    /// <summary>Two amounts of different currencies were added, subtracted or compared.</summary>
    public const string MoneyCurrencyMismatch = "money.currency-mismatch";

    /// <summary>An amount left the supported range: at most 18 integer digits and 10 fractional digits.</summary>
    public const string MoneyOutOfRange = "money.out-of-range";

    /// <summary>An amount that is not rounded to its currency's minor units was converted to minor units.</summary>
    public const string MoneyNotRounded = "money.not-rounded";

    /// <summary>A lifecycle status change is not allowed by the lifecycle's transition table.</summary>
    public const string LifecycleInvalidTransition = "lifecycle.invalid-transition";
}
