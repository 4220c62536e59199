namespace ProServ.Integration.Outbox;

/// <summary>Holds the stable error codes the outbox relay records, carried by dead-letter items and <see cref="OutboxEntry.LastErrorCode"/>.</summary>
/// <remarks>Codes are constants: they never change between releases, so callers may branch on them.</remarks>
public static class OutboxErrorCodes
{
    /// <summary>The publisher threw an exception that is not an <see cref="Errors.IntegrationException"/> (whose own code is recorded instead).</summary>
    public const string PublishFailed = "outbox.publish-failed";
}
