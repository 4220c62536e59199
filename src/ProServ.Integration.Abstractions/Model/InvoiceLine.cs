using ProServ.Integration.Finance;

namespace ProServ.Integration.Model;

/// <summary>Represents one line of an <see cref="Invoice"/>.</summary>
/// <remarks>Invariants: every amount is in the invoice currency and rounded to its minor units;
/// <see cref="Amount"/> = (<see cref="Quantity"/> x <see cref="UnitPrice"/>) rounded half to even; <see cref="LineNumber"/>
/// runs 1, 2, 3... in order. Credit lines have a negative quantity.</remarks>
public sealed record InvoiceLine
{
    /// <summary>Gets the 1-based position of the line on the invoice.</summary>
    public required int LineNumber { get; init; }

    /// <summary>Gets the text printed on the invoice.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the quantity, for example hours (up to 4 fractional digits); negative on credit lines.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Gets the price of one unit.</summary>
    public required Money UnitPrice { get; init; }

    /// <summary>Gets the net amount of the line, before tax.</summary>
    public required Money Amount { get; init; }

    /// <summary>Gets the tax on the line.</summary>
    public required Money TaxAmount { get; init; }

    /// <summary>Gets the ERP tax code applied to the line, if any.</summary>
    public string? TaxCode { get; init; }

    /// <summary>Gets the billing events the line bills; empty for a manual line.</summary>
    public IReadOnlyList<BillingEventId> BillingEventIds { get => field ?? []; init; }
}
