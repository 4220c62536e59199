using System.Security.Cryptography;
using System.Text;

namespace ProServ.Integration.Mapping.Internal;

/// <summary>Derives a deterministic name-based UUID (version 8, SHA-256) from a tenant, record type, system and external id.</summary>
/// <remarks>The same inputs always give the same id, so re-mapping a record is idempotent without a stored cross-reference.</remarks>
internal static class DerivedId
{
    /// <summary>The system name under which ids the SDK itself derives (engagements from opportunities, contract lines and milestones from engagements) are made.</summary>
    public const string ProServSystem = "proserv";

    /// <summary>Returns a stable, non-negative 63-bit number for a text (the first 8 bytes of its SHA-256).</summary>
    public static long Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BitConverter.ToInt64(hash[..8]) & long.MaxValue;
    }

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
