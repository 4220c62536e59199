using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents money received from a client against an invoice.</summary>
/// <remarks><see cref="Amount"/> is positive, rounded to minor units, and in the invoice's currency. Immutable; collections must not be mutated.</remarks>
public sealed record Payment : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required PaymentId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the invoice paid.</summary>
    public required InvoiceId InvoiceId { get; init; }

    /// <summary>Gets the paying client.</summary>
    public required ClientId ClientId { get; init; }

    /// <summary>Gets the amount received.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets when the payment was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets how the payment was made.</summary>
    public required OpenEnum<PaymentMethod> Method { get; init; }

    /// <summary>Gets the bank or processor reference, if any.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets the status; transitions follow <see cref="Lifecycles.Payment"/>.</summary>
    public required OpenEnum<PaymentStatus> Status { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
