using System.ComponentModel.DataAnnotations;

namespace ProServ.Integration.Idempotency;

/// <summary>Configures <see cref="IdempotentExecutor"/>: lease length, retention per operation and waiting for in-progress keys.</summary>
/// <remarks>Validated by DataAnnotations and <see cref="IdempotencyOptionsValidator"/> (every retention outlives the lease; the poll interval is shorter than the wait).</remarks>
public sealed class IdempotencyOptions
{
    /// <summary>Gets or sets how long a lease lasts; a holder that dies is taken over after this. The default value is 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = IdempotencyConstants.DefaultLeaseDuration;

    /// <summary>Gets or sets how long a key is kept after it completes or fails, for operations without a specific retention. The default value is 7 days.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan DefaultRetention { get; set; } = IdempotencyConstants.DefaultRetention;

    /// <summary>
    /// Gets or sets the retention of operations whose name starts with <c>billing.</c>, which must not run twice even
    /// when a retry comes months later. The default value is 400 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan BillingRetention { get; set; } = IdempotencyConstants.BillingRetention;

    /// <summary>Gets the retention per operation name (ordinal), which wins over <see cref="BillingRetention"/> and <see cref="DefaultRetention"/>. Empty by default.</summary>
    public IDictionary<string, TimeSpan> OperationRetention { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets how long <see cref="IdempotentExecutor"/> waits for another caller's in-progress operation to finish
    /// before it throws <see cref="IdempotencyInProgressException"/>. The default value is <see cref="TimeSpan.Zero"/>: do not wait.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan InProgressWait { get; set; } = IdempotencyConstants.DefaultInProgressWait;

    /// <summary>Gets or sets how often a waiting caller looks again. The default value is 250 milliseconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = IdempotencyConstants.DefaultPollInterval;

    /// <summary>Returns the retention of an operation: its entry in <see cref="OperationRetention"/>, else <see cref="BillingRetention"/> for <c>billing.*</c>, else <see cref="DefaultRetention"/>.</summary>
    /// <param name="operation">The operation name.</param>
    /// <returns>The retention.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operation"/> is <see langword="null"/>.</exception>
    public TimeSpan RetentionFor(string operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (OperationRetention.TryGetValue(operation, out var retention))
        {
            return retention;
        }

        return operation.StartsWith(IdempotencyConstants.BillingOperationPrefix, StringComparison.Ordinal) ? BillingRetention : DefaultRetention;
    }
}
