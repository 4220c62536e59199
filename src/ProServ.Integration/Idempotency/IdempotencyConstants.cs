namespace ProServ.Integration.Idempotency;

/// <summary>Holds every default of the idempotency feature.</summary>
internal static class IdempotencyConstants
{
    /// <summary>The version tag of <see cref="IdempotencyKey.Derive"/>; a new derivation gets a new tag, never a changed one.</summary>
    public const string DerivationTag = "pik1";

    /// <summary>The prefix of derived keys: the tag and a dot, then 43 base64url characters of SHA-256.</summary>
    public const string DerivedKeyPrefix = DerivationTag + ".";

    public const int MaxKeyLength = 255;

    /// <summary>The operation-name prefix that selects <see cref="BillingRetention"/>.</summary>
    public const string BillingOperationPrefix = "billing.";

    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(7);

    public static readonly TimeSpan BillingRetention = TimeSpan.FromDays(400);

    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultInProgressWait = TimeSpan.Zero;

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(250);
}
