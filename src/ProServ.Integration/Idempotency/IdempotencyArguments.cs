using System.Runtime.CompilerServices;
using ProServ.Integration.Internal;

namespace ProServ.Integration.Idempotency;

/// <summary>Checks the arguments of <see cref="IIdempotencyStore"/> calls.</summary>
internal static class IdempotencyArguments
{
    public static void Begin(string tenantId, IdempotencyKey key, RequestFingerprint fingerprint, TimeSpan leaseDuration, TimeSpan retention)
    {
        Guard.TenantId(tenantId);
        Key(key);
        Fingerprint(fingerprint);
        Durations(leaseDuration, retention);
    }

    public static void Durations(TimeSpan leaseDuration, TimeSpan retention)
    {
        Guard.Positive(leaseDuration);
        Guard.Positive(retention);
    }

    public static void Key(IdempotencyKey key, [CallerArgumentExpression(nameof(key))] string? name = null)
    {
        if (key.Value is null)
        {
            throw new ArgumentException("The idempotency key is default; create it with IdempotencyKey.Create or Derive.", name);
        }
    }

    public static void Fingerprint(RequestFingerprint fingerprint, [CallerArgumentExpression(nameof(fingerprint))] string? name = null)
    {
        if (fingerprint.Value is null)
        {
            throw new ArgumentException("The request fingerprint is default; compute it with RequestFingerprint.FromBytes or FromJson.", name);
        }
    }

    public static void Lease(IdempotencyLease lease, [CallerArgumentExpression(nameof(lease))] string? name = null)
    {
        if (lease.TenantId is null || lease.Key.Value is null || lease.Token == Guid.Empty)
        {
            throw new ArgumentException("The lease is default; use the lease of an Acquired result.", name);
        }
    }
}
