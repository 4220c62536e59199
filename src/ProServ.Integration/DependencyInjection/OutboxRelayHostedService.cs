using Microsoft.Extensions.Hosting;
using ProServ.Integration.Outbox;

namespace ProServ.Integration.DependencyInjection;

/// <summary>Runs one <see cref="OutboxRelay"/> for as long as the host runs.</summary>
internal sealed class OutboxRelayHostedService(OutboxRelay relay) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => relay.RunAsync(stoppingToken);
}
