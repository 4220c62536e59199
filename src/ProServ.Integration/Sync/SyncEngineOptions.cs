namespace ProServ.Integration.Sync;

/// <summary>Configures the sync engine: which tenants it serves, how often, and how hard.</summary>
public sealed class SyncEngineOptions
{
    /// <summary>Gets or sets the tenants the engine runs flows for; at least one. The default value is empty.</summary>
    public IList<string> Tenants { get; set; } = [];

    /// <summary>Gets or sets the pause between passes when the last pass finished; positive. The default value is 1 minute.</summary>
    public TimeSpan Interval { get; set; } = SyncEngineConstants.DefaultInterval;

    /// <summary>Gets or sets how many tenants are served at once (flows of one tenant run in order, one at a time); at least 1. The default value is 4.</summary>
    public int MaxConcurrency { get; set; } = SyncEngineConstants.DefaultMaxConcurrency;

    /// <summary>Gets or sets the pause after a pass that was deferred by a transient failure; doubled after each further deferred pass up to <see cref="MaxRetryDelay"/>; positive. The default value is 5 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = SyncEngineConstants.DefaultRetryDelay;

    /// <summary>Gets or sets the longest pause after deferred passes; at least <see cref="RetryDelay"/>. The default value is 5 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = SyncEngineConstants.DefaultMaxRetryDelay;

    /// <summary>Gets or sets how long in-flight passes may go on after the host asks the engine to stop, before they are cancelled (they then resume from their checkpoints on the next start); not negative. The default value is 10 seconds.</summary>
    public TimeSpan DrainTimeout { get; set; } = SyncEngineConstants.DefaultDrainTimeout;
}
