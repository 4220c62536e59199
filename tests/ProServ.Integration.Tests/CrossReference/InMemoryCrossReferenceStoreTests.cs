using ProServ.Integration.CrossReference;
using ProServ.Integration.Testing.CrossReference;

namespace ProServ.Integration.Tests.CrossReference;

/// <summary>Runs the cross-reference conformance suite on the in-memory store.</summary>
public sealed class InMemoryCrossReferenceStoreTests : CrossReferenceStoreConformanceTests
{
    protected override ValueTask<ICrossReferenceStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult(CrossReferenceStores.CreateInMemory(timeProvider));
}
