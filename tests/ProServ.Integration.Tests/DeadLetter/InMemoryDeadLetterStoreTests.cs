using ProServ.Integration.DeadLetter;
using ProServ.Integration.Testing.DeadLetter;

namespace ProServ.Integration.Tests.DeadLetter;

/// <summary>Runs the dead-letter conformance suite on the in-memory store.</summary>
public sealed class InMemoryDeadLetterStoreTests : DeadLetterStoreConformanceTests
{
    protected override ValueTask<IDeadLetterStore> CreateStoreAsync(TimeProvider timeProvider, DeadLetterOptions options)
        => ValueTask.FromResult(DeadLetterStores.CreateInMemory(options, timeProvider));
}
