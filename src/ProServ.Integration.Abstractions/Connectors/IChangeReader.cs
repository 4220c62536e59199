namespace ProServ.Integration.Connectors;

/// <summary>Reads the changes of one stream incrementally, page by page, from a cursor.</summary>
/// <typeparam name="TRecord">The canonical record type of the stream.</typeparam>
/// <remarks>
/// Each change since the cursor is returned at least once and, within one read and across reads that resume
/// from the returned cursors, not twice for the same version: implementations read with an overlap window at
/// the cursor boundary and drop what the cursor says was already seen. Deletions arrive as tombstones when the
/// stream declares <see cref="StreamDescriptor.EmitsTombstones"/>. Failures throw
/// <see cref="Errors.IntegrationException"/> with <see cref="Errors.IntegrationException.IsTransient"/> set.
/// </remarks>
public interface IChangeReader<TRecord>
    where TRecord : class
{
    /// <summary>Gets the name of the stream this reader reads (see <see cref="ConnectorDescriptor.Streams"/>).</summary>
    string StreamName { get; }

    /// <summary>Reads the changes since <see cref="ReadRequest.Cursor"/>, oldest first.</summary>
    /// <param name="request">The tenant, the cursor and paging preferences.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The pages of changes; the last page's cursor is where the next read resumes.</returns>
    IAsyncEnumerable<ChangePage<TRecord>> ReadChangesAsync(ReadRequest request, CancellationToken cancellationToken = default);
}
