namespace ProServ.Integration.DeadLetter;

/// <summary>Holds the stable error codes of the dead-letter store, carried by <see cref="Errors.IntegrationException.ErrorCode"/>.</summary>
/// <remarks>Codes are constants: they never change between releases, so callers may branch on them.</remarks>
public static class DeadLetterErrorCodes
{
    /// <summary>The tenant has no dead-letter item with the given id (it may have been purged). Not transient.</summary>
    public const string NotFound = "dead-letter.not-found";
}
