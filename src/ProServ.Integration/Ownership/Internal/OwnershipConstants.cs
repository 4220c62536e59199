namespace ProServ.Integration.Ownership.Internal;

/// <summary>Holds the defaults of field ownership: the engine-managed fields and the default system names.</summary>
internal static class OwnershipConstants
{
    public const string IdProperty = "id";
    public const string TenantIdProperty = "tenantId";
    public const string ExternalReferencesProperty = "externalReferences";
    public const string SystemProperty = "system";
    public const int MaxOwnerLength = 32;

    /// <summary>Concrete system names the default policy knows, and the role each plays.</summary>
    public static readonly (string System, string Role)[] DefaultSystemRoles =
    [
        ("salesforce", OwnershipSystems.Crm),
        ("hubspot", OwnershipSystems.Crm),
        ("netsuite", OwnershipSystems.Erp),
    ];

    public static bool IsEngineManaged(string property) =>
        property is IdProperty or TenantIdProperty or ExternalReferencesProperty;

    public static bool IsValidOwner(string? owner)
    {
        if (owner is null || owner.Length is 0 or > MaxOwnerLength || !char.IsAsciiLetterLower(owner[0]))
        {
            return false;
        }

        foreach (var c in owner)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
