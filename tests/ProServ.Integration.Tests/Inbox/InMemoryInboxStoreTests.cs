using ProServ.Integration.Inbox;
using ProServ.Integration.Testing.Inbox;

namespace ProServ.Integration.Tests.Inbox;

/// <summary>Runs the inbox conformance suite on the in-memory store.</summary>
public sealed class InMemoryInboxStoreTests : InboxStoreConformanceTests
{
    protected override ValueTask<IInboxStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult(InboxStores.CreateInMemory(timeProvider));
}
