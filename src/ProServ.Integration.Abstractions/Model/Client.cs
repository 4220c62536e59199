using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents a client (customer account) of the firm: who is billed, in which currency and on which terms.</summary>
/// <remarks>Mastered in the CRM; mirrored to the PSA and the ERP. <see cref="Currency"/> is the default billing currency. Immutable; collections must not be mutated.</remarks>
public sealed record Client : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required ClientId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the client's display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the client's registered legal name, when it differs from <see cref="Name"/>.</summary>
    public string? LegalName { get; init; }

    /// <summary>Gets the firm's legal entity that contracts with and bills the client, for example <c>proserv-de-gmbh</c>.</summary>
    public string? LegalEntity { get; init; }

    /// <summary>Gets how the client is taxed, if known.</summary>
    public TaxProfile? TaxProfile { get; init; }

    /// <summary>Gets the address invoices are sent to, if known.</summary>
    public PostalAddress? BillingAddress { get; init; }

    /// <summary>Gets the number of days between an invoice's issue date and its due date, 0 to 365.</summary>
    public required int PaymentTermsDays { get; init; }

    /// <summary>Gets the default billing currency.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>Gets the account status.</summary>
    public required OpenEnum<ClientStatus> Status { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
