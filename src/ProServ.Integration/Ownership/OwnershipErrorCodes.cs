namespace ProServ.Integration.Ownership;

/// <summary>Lists the stable codes of field ownership.</summary>
/// <remarks>Callers branch on these codes, never on message text. Every code starts with <c>ownership.</c>.</remarks>
public static class OwnershipErrorCodes
{
    /// <summary>The code of every <see cref="OwnershipConflict"/>: a system that does not own a field tried to change it.</summary>
    public const string Conflict = "ownership.conflict";

    /// <summary>The error code of the exception <see cref="OwnershipPolicyBuilder.Build"/> throws for an invalid policy.</summary>
    public const string InvalidPolicy = "ownership.invalid-policy";
}
