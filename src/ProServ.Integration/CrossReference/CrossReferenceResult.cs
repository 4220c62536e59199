namespace ProServ.Integration.CrossReference;

/// <summary>Represents the outcome of <see cref="ICrossReferenceStore.GetOrCreateAsync"/>.</summary>
/// <param name="CanonicalId">The canonical id linked to the external id.</param>
/// <param name="Created"><see langword="true"/> when this call created the link; <see langword="false"/> when it already existed.</param>
public readonly record struct CrossReferenceResult(Guid CanonicalId, bool Created);
