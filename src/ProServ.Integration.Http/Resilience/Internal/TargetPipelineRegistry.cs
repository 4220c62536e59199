using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>Builds each target's pipeline once, from its named options, and disposes them with the container.</summary>
internal sealed class TargetPipelineRegistry(IOptionsMonitor<HttpResilienceOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<TargetPipeline>> _targets = new(StringComparer.Ordinal);

    /// <exception cref="OptionsValidationException">The target's options are invalid.</exception>
    public TargetPipeline Get(string name) =>
        _targets.GetOrAdd(name, n => new Lazy<TargetPipeline>(() => new TargetPipeline(n, options.Get(n), time))).Value;

    public void Dispose()
    {
        foreach (var target in _targets.Values)
        {
            if (target.IsValueCreated)
            {
                target.Value.Dispose();
            }
        }
    }
}
