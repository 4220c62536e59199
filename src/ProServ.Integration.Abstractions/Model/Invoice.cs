using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents an invoice to a client, drafted from billing events and posted in the ERP.</summary>
/// <remarks>Invariants: every amount is in <see cref="Currency"/> and rounded to its minor units; <see cref="Subtotal"/> = sum of line amounts, <see cref="TaxTotal"/> = sum of line tax amounts, <see cref="Total"/> = subtotal + tax total, <see cref="AmountDue"/> = total - amount paid, exactly. <see cref="IssueDate"/> and <see cref="DueDate"/> are days in the issuing legal entity's calendar; due date is on or after the issue date. Immutable; collections must not be mutated.</remarks>
public sealed record Invoice : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required InvoiceId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the client billed.</summary>
    public required ClientId ClientId { get; init; }

    /// <summary>Gets the engagement billed, when the invoice is for one engagement.</summary>
    public EngagementId? EngagementId { get; init; }

    /// <summary>Gets the invoice number, assigned by the ERP when posted.</summary>
    public string? Number { get; init; }

    /// <summary>Gets the client's purchase order number, if any.</summary>
    public string? PurchaseOrderNumber { get; init; }

    /// <summary>Gets the issue date.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>Gets the payment due date.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>Gets the invoice currency.</summary>
    public required CurrencyCode Currency { get; init; }

    /// <summary>Gets the status; transitions follow <see cref="Lifecycles.Invoice"/>.</summary>
    public required OpenEnum<InvoiceStatus> Status { get; init; }

    /// <summary>Gets the lines, at least one, ordered by line number.</summary>
    public required IReadOnlyList<InvoiceLine> Lines { get; init; }

    /// <summary>Gets the sum of the line amounts, before tax.</summary>
    public required Money Subtotal { get; init; }

    /// <summary>Gets the sum of the line taxes.</summary>
    public required Money TaxTotal { get; init; }

    /// <summary>Gets the amount billed: subtotal plus tax.</summary>
    public required Money Total { get; init; }

    /// <summary>Gets the amount paid so far.</summary>
    public required Money AmountPaid { get; init; }

    /// <summary>Gets the amount still due: total minus amount paid.</summary>
    public required Money AmountDue { get; init; }

    /// <summary>Gets when the invoice was posted to the ledger; set from <c>posted</c> on.</summary>
    public DateTimeOffset? PostedAt { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
        JsonListGuard.NoNullElements(Lines, "lines");
    }
}
