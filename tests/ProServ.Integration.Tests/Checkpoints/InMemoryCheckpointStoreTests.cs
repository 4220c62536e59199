using ProServ.Integration.Checkpoints;
using ProServ.Integration.Testing.Checkpoints;

namespace ProServ.Integration.Tests.Checkpoints;

/// <summary>Runs the checkpoint conformance suite on the in-memory store.</summary>
public sealed class InMemoryCheckpointStoreTests : CheckpointStoreConformanceTests
{
    protected override ValueTask<ICheckpointStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult(CheckpointStores.CreateInMemory(timeProvider));
}
