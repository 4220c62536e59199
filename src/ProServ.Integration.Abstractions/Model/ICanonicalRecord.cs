namespace ProServ.Integration.Model;

/// <summary>Defines the members every canonical record has: its tenant and its links to external systems.</summary>
/// <remarks>Implemented by the model's records only; connector code reads it to route and cross-reference records generically.</remarks>
public interface ICanonicalRecord
{
    /// <summary>Gets the tenant (the firm) that owns the record; pattern <c>^[a-z0-9][a-z0-9-]{0,62}$</c>.</summary>
    string TenantId { get; }

    /// <summary>Gets the record's ids in external systems, at most one per system.</summary>
    IReadOnlyList<ExternalReference> ExternalReferences { get; }
}
