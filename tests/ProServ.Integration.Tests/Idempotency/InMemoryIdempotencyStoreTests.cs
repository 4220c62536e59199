using ProServ.Integration.Idempotency;
using ProServ.Integration.Testing.Idempotency;

namespace ProServ.Integration.Tests.Idempotency;

public sealed class InMemoryIdempotencyStoreTests : IdempotencyStoreConformanceTests
{
    protected override ValueTask<IIdempotencyStore> CreateStoreAsync(TimeProvider timeProvider)
        => ValueTask.FromResult<IIdempotencyStore>(new InMemoryIdempotencyStore(timeProvider));
}
