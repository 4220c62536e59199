namespace ProServ.Integration.Outbox;

/// <summary>Holds every default of the outbox and its relay.</summary>
internal static class OutboxConstants
{
    public const string CloudEventsContentType = "application/cloudevents+json";

    public const int MaxIdentifierLength = 255;

    public const int DefaultBatchSize = 100;

    public const int DefaultMaxAttempts = 10;

    public const string DefaultDeadLetterSource = "outbox.publish";

    public static readonly TimeSpan DefaultLeaseDuration = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan DefaultRetryMaxDelay = TimeSpan.FromMinutes(5);
}
