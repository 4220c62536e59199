using Microsoft.Extensions.DependencyInjection;

namespace ProServ.Integration.DependencyInjection;

/// <summary>Configures one ProServ.Integration instance in a service collection; returned by
/// <see cref="ProServIntegrationServiceCollectionExtensions.AddProServIntegration(IServiceCollection)"/> and extended by
/// other packages (for example <c>UseSqlite</c>).</summary>
/// <remarks>An extension point for package authors: register services keyed by <see cref="Name"/>.</remarks>
public interface IProServIntegrationBuilder
{
    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Gets the instance name: the service key of every keyed service of this instance, and the options name.
    /// Empty (<see cref="Microsoft.Extensions.Options.Options.DefaultName"/>) for the default instance, whose services are
    /// also registered without a key.</summary>
    string Name { get; }
}
