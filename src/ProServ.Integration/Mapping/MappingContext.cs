using System.Text.RegularExpressions;

namespace ProServ.Integration.Mapping;

/// <summary>Supplies what a mapping needs besides the source record: the tenant and the cross-reference resolver.</summary>
/// <remarks>Immutable and thread-safe; create one per tenant and reuse it.</remarks>
public sealed partial class MappingContext
{
    /// <summary>Initializes a new instance of the <see cref="MappingContext"/> class.</summary>
    /// <param name="tenantId">The tenant (<c>^[a-z0-9][a-z0-9-]{0,62}$</c>) written to every record's <c>tenantId</c>.</param>
    /// <param name="crossReferences">The resolver for <c>lookup</c> rules, or <see langword="null"/> to treat every lookup as missing.</param>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is not a valid tenant id.</exception>
    public MappingContext(string tenantId, ICrossReferenceResolver? crossReferences = null)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        if (!TenantPattern().IsMatch(tenantId))
        {
            throw new ArgumentException($"'{tenantId}' is not a tenant id: expected ^[a-z0-9][a-z0-9-]{{0,62}}$.", nameof(tenantId));
        }

        TenantId = tenantId;
        CrossReferences = crossReferences;
    }

    /// <summary>Gets the tenant written to every mapped record.</summary>
    public string TenantId { get; }

    /// <summary>Gets the cross-reference resolver, or <see langword="null"/>.</summary>
    public ICrossReferenceResolver? CrossReferences { get; }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TenantPattern();
}
