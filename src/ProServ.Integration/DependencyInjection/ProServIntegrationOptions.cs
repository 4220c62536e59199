using ProServ.Integration.DeadLetter;
using ProServ.Integration.Idempotency;
using ProServ.Integration.Outbox;

namespace ProServ.Integration.DependencyInjection;

/// <summary>Configures one ProServ.Integration instance registered with
/// <see cref="ProServIntegrationServiceCollectionExtensions.AddProServIntegration(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>;
/// bound from a configuration section with the sub-sections <c>Idempotency</c>, <c>Outbox</c> and <c>DeadLetter</c>.</summary>
/// <remarks>Validated when the host starts: DataAnnotations of every section plus <see cref="IdempotencyOptionsValidator"/>
/// and <see cref="OutboxRelayOptionsValidator"/>; one exception lists every problem.</remarks>
public sealed class ProServIntegrationOptions
{
    /// <summary>Gets the options of <see cref="IdempotentExecutor"/>. The default value is a new <see cref="IdempotencyOptions"/>.</summary>
    public IdempotencyOptions Idempotency { get; } = new();

    /// <summary>Gets the options of the outbox relay. The default value is a new <see cref="OutboxRelayOptions"/>.</summary>
    public OutboxRelayOptions Outbox { get; } = new();

    /// <summary>Gets the options of the dead-letter store. The default value is a new <see cref="DeadLetterOptions"/>.</summary>
    public DeadLetterOptions DeadLetter { get; } = new();
}
