using ProServ.Integration.Outbox;
using ProServ.Integration.Testing.Outbox;

namespace ProServ.Integration.Tests.Outbox;

/// <summary>Runs the outbox conformance suite (store and relay) on the in-memory store.</summary>
public sealed class InMemoryOutboxStoreTests : OutboxStoreConformanceTests
{
    protected override ValueTask<IOutboxStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult(OutboxStores.CreateInMemory(timeProvider));
}
