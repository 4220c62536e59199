using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProServ.Integration.Idempotency;

/// <summary>Checks the cross-field rules of <see cref="IdempotencyOptions"/>: every retention outlives the lease, and polling is faster than the wait.</summary>
/// <remarks>Thread-safe and stateless.</remarks>
public sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    /// <summary>Validates the options, listing every problem.</summary>
    /// <param name="name">The options name.</param>
    /// <param name="options">The options.</param>
    /// <returns>The validation result.</returns>
    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckRetention(failures, nameof(IdempotencyOptions.DefaultRetention), options.DefaultRetention, options.LeaseDuration);
        CheckRetention(failures, nameof(IdempotencyOptions.BillingRetention), options.BillingRetention, options.LeaseDuration);
        foreach (var (operation, retention) in options.OperationRetention)
        {
            CheckRetention(failures, $"{nameof(IdempotencyOptions.OperationRetention)}[{operation}]", retention, options.LeaseDuration);
        }

        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(IdempotencyOptions.LeaseDuration)} must be positive; got {options.LeaseDuration}."));
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(IdempotencyOptions.PollInterval)} must be positive; got {options.PollInterval}."));
        }
        else if (options.InProgressWait > TimeSpan.Zero && options.PollInterval > options.InProgressWait)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{nameof(IdempotencyOptions.PollInterval)} ({options.PollInterval}) must not exceed {nameof(IdempotencyOptions.InProgressWait)} ({options.InProgressWait})."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRetention(List<string> failures, string field, TimeSpan retention, TimeSpan lease)
    {
        if (retention <= lease)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{field} ({retention}) must be longer than {nameof(IdempotencyOptions.LeaseDuration)} ({lease}): a key must outlive its lease."));
        }
    }
}
