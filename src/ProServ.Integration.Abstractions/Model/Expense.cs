using System.Text.Json.Serialization;
using ProServ.Integration.Finance;
using ProServ.Integration.Serialization;

namespace ProServ.Integration.Model;

/// <summary>Represents an expense a resource incurred for an engagement.</summary>
/// <remarks><see cref="IncurredOn"/> is a day in the engagement's time zone. <see cref="Amount"/> is positive and rounded to its currency's minor units; it may be in a currency other than the engagement's (conversion happens at billing). Immutable; collections must not be mutated.</remarks>
public sealed record Expense : ICanonicalRecord, IJsonOnDeserialized
{
    /// <summary>Gets the record's id.</summary>
    public required ExpenseId Id { get; init; }

    /// <inheritdoc/>
    public required string TenantId { get; init; }

    /// <summary>Gets the engagement the expense is booked to.</summary>
    public required EngagementId EngagementId { get; init; }

    /// <summary>Gets the person who incurred it.</summary>
    public required ResourceId ResourceId { get; init; }

    /// <summary>Gets the day the expense was incurred.</summary>
    public required DateOnly IncurredOn { get; init; }

    /// <summary>Gets the expense category.</summary>
    public required OpenEnum<ExpenseCategory> Category { get; init; }

    /// <summary>Gets the amount spent, including tax.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets a value indicating whether the expense is re-billed to the client.</summary>
    public required bool Billable { get; init; }

    /// <summary>Gets the markup added when re-billing, in percent (0 to 100, at most 2 fractional digits), if any.</summary>
    public decimal? MarkupPercent { get; init; }

    /// <summary>Gets the absolute URL of the receipt image, if any.</summary>
    public Uri? ReceiptUrl { get; init; }

    /// <summary>Gets the description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the approval status; transitions follow <see cref="Lifecycles.Expense"/>.</summary>
    public required OpenEnum<ExpenseStatus> Status { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<ExternalReference> ExternalReferences { get => field ?? []; init; }

    /// <inheritdoc/>
    void IJsonOnDeserialized.OnDeserialized()
    {
        JsonListGuard.NoNullElements(ExternalReferences, "externalReferences");
    }
}
