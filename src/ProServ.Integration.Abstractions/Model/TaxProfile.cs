namespace ProServ.Integration.Model;

/// <summary>Describes how a client is taxed: its tax registration and the tax jurisdiction invoices are issued under.</summary>
public sealed record TaxProfile
{
    /// <summary>Gets the tax jurisdiction: an ISO 3166-1 alpha-2 country code, optionally followed by <c>-</c> and an ISO 3166-2 subdivision, for example <c>DE</c> or <c>US-CA</c>.</summary>
    public required string TaxRegion { get; init; }

    /// <summary>Gets the client's tax registration number (VAT id, EIN, GSTIN), if any.</summary>
    public string? TaxId { get; init; }

    /// <summary>Gets the default tax code the ERP applies to the client's invoices, for example <c>VAT-STD</c> or <c>EXEMPT</c>, if any.</summary>
    public string? TaxCode { get; init; }

    /// <summary>Gets a value indicating whether the client is exempt from sales tax or VAT (for example reverse charge).</summary>
    public bool TaxExempt { get; init; }
}
