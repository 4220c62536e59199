using System.Security.Cryptography;
using System.Text;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>Derives a deterministic name-based UUID (version 8, SHA-256) from a tenant, record type, system and external id.</summary>
/// <remarks>The same inputs always give the same id, so re-mapping a record is idempotent without a stored cross-reference.</remarks>
internal static class DerivedId
{
    public static Guid Create(string tenantId, string recordType, string system, string externalId)
    {
        var name = $"proserv:xref:{tenantId}:{recordType}:{system}:{externalId}";
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
