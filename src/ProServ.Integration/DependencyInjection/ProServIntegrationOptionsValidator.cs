using Microsoft.Extensions.Options;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Internal;
using ProServ.Integration.Outbox;

namespace ProServ.Integration.DependencyInjection;

/// <summary>Validates every section of <see cref="ProServIntegrationOptions"/>, naming each problem by its configuration path.</summary>
internal sealed class ProServIntegrationOptionsValidator : IValidateOptions<ProServIntegrationOptions>
{
    public ValidateOptionsResult Validate(string? name, ProServIntegrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        failures.AddRange(OptionsValidation.Validate(options.Idempotency, new IdempotencyOptionsValidator(), "Idempotency:"));
        failures.AddRange(OptionsValidation.Validate(options.Outbox, new OutboxRelayOptionsValidator(), "Outbox:"));
        failures.AddRange(OptionsValidation.Validate(options.DeadLetter, null, "DeadLetter:"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
