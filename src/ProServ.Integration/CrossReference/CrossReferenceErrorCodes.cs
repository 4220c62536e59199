namespace ProServ.Integration.CrossReference;

/// <summary>Holds the stable error codes of the cross-reference store, carried by <see cref="Errors.IntegrationException.ErrorCode"/>.</summary>
/// <remarks>Codes are constants: they never change between releases, so callers may branch on them.</remarks>
public static class CrossReferenceErrorCodes
{
    /// <summary>A link contradicts an existing one: the external id belongs to another canonical id, the canonical id has
    /// another id in that system, or the canonical id belongs to another record type. Not transient.</summary>
    public const string Conflict = "xref.conflict";

    /// <summary>The external id or canonical id to rekey or merge has no link. Not transient.</summary>
    public const string NotFound = "xref.not-found";
}
