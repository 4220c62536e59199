using ProServ.Integration.Http.Resilience;
using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Http.Tests.Resilience;

/// <summary>A connector's lookup as a real one would be written: GET /operations/{key} on the target.</summary>
internal sealed class KeyedWriteLookup(bool undecided = false) : IWriteLookup
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async ValueTask<WriteLookupResult> LookupAsync(
        HttpRequestMessage request,
        IdempotencyKey key,
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> sendAsync,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (undecided)
        {
            return WriteLookupResult.Unknown;
        }

        var lookup = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, "/operations/" + Uri.EscapeDataString(key.Value)));
        var response = await sendAsync(lookup, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return WriteLookupResult.Landed(response);
        }

        response.Dispose();
        lookup.Dispose();
        return WriteLookupResult.NotLanded;
    }
}
