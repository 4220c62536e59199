using ProServ.Integration.Errors;

namespace ProServ.Integration.CrossReference;

/// <summary>Holds the argument checks and errors every cross-reference store shares.</summary>
internal static class CrossReferenceArguments
{
    public static void ValidateKey(string tenant, string recordType, string system, string externalId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordType);
        ArgumentException.ThrowIfNullOrWhiteSpace(system);
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
    }

    public static void ValidateCanonicalId(Guid canonicalId)
    {
        if (canonicalId == Guid.Empty)
        {
            throw new ArgumentException("The canonical id must not be Guid.Empty.", nameof(canonicalId));
        }
    }

    public static IntegrationException Conflict(string message) => new(CrossReferenceErrorCodes.Conflict, message);
}
