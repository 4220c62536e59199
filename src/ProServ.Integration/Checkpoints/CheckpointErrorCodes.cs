namespace ProServ.Integration.Checkpoints;

/// <summary>Holds the stable error codes of the checkpoint store, carried by <see cref="Errors.IntegrationException.ErrorCode"/>.</summary>
/// <remarks>Codes are constants: they never change between releases, so callers may branch on them.</remarks>
public static class CheckpointErrorCodes
{
    /// <summary>
    /// Another worker advanced the checkpoint first (its version differs from the expected one). Not transient: re-read the
    /// checkpoint and decide, because retrying with the same expected version fails again.
    /// </summary>
    public const string Conflict = "checkpoint.conflict";
}
