namespace ProServ.Integration.Sync;

/// <summary>Holds every default of the sync engine.</summary>
internal static class SyncEngineConstants
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultDrainTimeout = TimeSpan.FromSeconds(10);
    public const int DefaultMaxConcurrency = 4;
}
