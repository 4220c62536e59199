using System.ComponentModel.DataAnnotations;

namespace ProServ.Integration.Outbox;

/// <summary>Configures <see cref="OutboxRelay"/>: batch size, lease, polling, retries and the dead-letter hand-off.</summary>
/// <remarks>Validated by DataAnnotations and <see cref="OutboxRelayOptionsValidator"/> (the maximum retry delay is not shorter than the base delay).</remarks>
public sealed class OutboxRelayOptions
{
    /// <summary>Gets or sets how many messages one claim takes. The default value is 100.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = OutboxConstants.DefaultBatchSize;

    /// <summary>Gets or sets how long a claim holds its messages; a relay that dies is taken over after this. Choose it well
    /// above the time one batch takes to publish. The default value is 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = OutboxConstants.DefaultLeaseDuration;

    /// <summary>Gets or sets how long <see cref="OutboxRelay.RunAsync"/> waits after a claim found nothing. The default value is 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = OutboxConstants.DefaultPollInterval;

    /// <summary>Gets or sets how many attempts a message gets before it is dead-lettered. The default value is 10.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = OutboxConstants.DefaultMaxAttempts;

    /// <summary>Gets or sets the delay before the first retry; each further retry doubles it. The default value is 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = OutboxConstants.DefaultRetryBaseDelay;

    /// <summary>Gets or sets the longest delay between retries. The default value is 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = OutboxConstants.DefaultRetryMaxDelay;

    /// <summary>Gets or sets the <see cref="DeadLetter.DeadLetterFailure.Source"/> of dead-lettered messages. The default value is <c>outbox.publish</c>.</summary>
    [Required]
    public string DeadLetterSource { get; set; } = OutboxConstants.DefaultDeadLetterSource;

    /// <summary>Returns the delay before the retry that follows failed attempt number <paramref name="attempts"/>:
    /// <see cref="RetryBaseDelay"/> × 2^(attempts − 1), at most <see cref="RetryMaxDelay"/>.</summary>
    /// <param name="attempts">The number of attempts made so far, 1 or more.</param>
    /// <returns>The delay.</returns>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = RetryBaseDelay.Ticks * (double)(1L << exponent);
        return ticks >= RetryMaxDelay.Ticks ? RetryMaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
