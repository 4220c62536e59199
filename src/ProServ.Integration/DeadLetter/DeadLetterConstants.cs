namespace ProServ.Integration.DeadLetter;

/// <summary>Holds every default of the dead-letter feature.</summary>
internal static class DeadLetterConstants
{
    public const string DefaultRedactionPlaceholder = "***";

    public static readonly string[] DefaultSensitivePropertyNames =
    [
        "rate", "billRate", "costRate", "unitPrice", "email", "phone", "taxId", "bankAccount", "iban", "accountNumber",
    ];
}
