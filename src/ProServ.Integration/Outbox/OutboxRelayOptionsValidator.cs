using System.Globalization;
using Microsoft.Extensions.Options;

namespace ProServ.Integration.Outbox;

/// <summary>Checks the cross-field rules of <see cref="OutboxRelayOptions"/>.</summary>
/// <remarks>Thread-safe and stateless.</remarks>
public sealed class OutboxRelayOptionsValidator : IValidateOptions<OutboxRelayOptions>
{
    /// <summary>Validates the options, listing every problem.</summary>
    /// <param name="name">The options name.</param>
    /// <param name="options">The options.</param>
    /// <returns>The validation result.</returns>
    public ValidateOptionsResult Validate(string? name, OutboxRelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{nameof(OutboxRelayOptions.RetryMaxDelay)} ({options.RetryMaxDelay}) must not be shorter than {nameof(OutboxRelayOptions.RetryBaseDelay)} ({options.RetryBaseDelay})."));
        }

        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(OutboxRelayOptions.LeaseDuration)} must be positive; got {options.LeaseDuration}."));
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(OutboxRelayOptions.PollInterval)} must be positive; got {options.PollInterval}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
