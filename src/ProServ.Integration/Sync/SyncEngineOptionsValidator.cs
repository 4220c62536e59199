using Microsoft.Extensions.Options;

namespace ProServ.Integration.Sync;

/// <summary>Checks <see cref="SyncEngineOptions"/> and lists every problem with the field and the bad value.</summary>
internal sealed class SyncEngineOptionsValidator : IValidateOptions<SyncEngineOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncEngineOptions options)
    {
        var problems = new List<string>();
        if (options.Tenants.Count == 0)
        {
            problems.Add("SyncEngineOptions.Tenants must name at least one tenant.");
        }

        foreach (var tenant in options.Tenants)
        {
            if (string.IsNullOrWhiteSpace(tenant))
            {
                problems.Add("SyncEngineOptions.Tenants must not contain an empty tenant id.");
            }
        }

        if (options.Tenants.Distinct(StringComparer.Ordinal).Count() != options.Tenants.Count)
        {
            problems.Add("SyncEngineOptions.Tenants must not name a tenant twice.");
        }

        if (options.Interval <= TimeSpan.Zero)
        {
            problems.Add($"SyncEngineOptions.Interval must be positive; it was {options.Interval}.");
        }

        if (options.MaxConcurrency < 1)
        {
            problems.Add($"SyncEngineOptions.MaxConcurrency must be at least 1; it was {options.MaxConcurrency}.");
        }

        if (options.RetryDelay <= TimeSpan.Zero)
        {
            problems.Add($"SyncEngineOptions.RetryDelay must be positive; it was {options.RetryDelay}.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            problems.Add($"SyncEngineOptions.MaxRetryDelay must be at least RetryDelay ({options.RetryDelay}); it was {options.MaxRetryDelay}.");
        }

        if (options.DrainTimeout < TimeSpan.Zero)
        {
            problems.Add($"SyncEngineOptions.DrainTimeout must not be negative; it was {options.DrainTimeout}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
