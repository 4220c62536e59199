using Microsoft.Extensions.DependencyInjection;

namespace ProServ.Integration.DependencyInjection;

/// <summary>The builder handed out by <see cref="ProServIntegrationServiceCollectionExtensions"/>.</summary>
internal sealed class ProServIntegrationBuilder(IServiceCollection services, string name) : IProServIntegrationBuilder
{
    public IServiceCollection Services { get; } = services;

    public string Name { get; } = name;
}
