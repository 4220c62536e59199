using Microsoft.Extensions.Logging;

namespace ProServ.Integration.Sync;

/// <summary>The sync engine's source-generated log messages; tenant ids and counts only, never payloads.</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Debug, Message = "Flow {Flow} for tenant {TenantId}: read {Read}, completed {Completed}, skipped {Skipped}, dead-lettered {DeadLettered}, deferred {Deferred}.")]
    public static partial void PassFinished(ILogger logger, string flow, string tenantId, int read, int completed, int skipped, int deadLettered, bool deferred);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Flow {Flow} for tenant {TenantId} failed with {ErrorCode}; it runs again after the retry delay.")]
    public static partial void PassFaulted(ILogger logger, string flow, string tenantId, string errorCode, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Sync engine stopping; in-flight passes have {DrainTimeout} to finish.")]
    public static partial void Draining(ILogger logger, TimeSpan drainTimeout);
}
