using ProServ.Integration.Mapping.Internal;

namespace ProServ.Integration.Mapping;

/// <summary>Lists the reference mappings shipped in the package, written against the vendors' public API field names.</summary>
/// <remarks>Load one with <see cref="MappingLoader.LoadReference"/>; add tenant or region overlays for what differs in an org.</remarks>
public static class ReferenceMappings
{
    /// <summary>The id of the Salesforce <c>Account</c> to <c>client@1</c> mapping.</summary>
    public const string SalesforceAccount = "salesforce-account";

    /// <summary>The id of the Salesforce <c>Opportunity</c> to <c>opportunity@1</c> mapping.</summary>
    public const string SalesforceOpportunity = "salesforce-opportunity";

    /// <summary>The id of the Kantata OX (Mavenlink) <c>TimeEntry</c> to <c>time-entry@1</c> mapping (minutes to hours).</summary>
    public const string KantataTimeEntry = "kantata-time-entry";

    /// <summary>The id of the Kantata OX (Mavenlink) <c>Expense</c> to <c>expense@1</c> mapping (amounts in cents).</summary>
    public const string KantataExpense = "kantata-expense";

    /// <summary>The id of the NetSuite REST <c>invoice</c> record to <c>invoice@1</c> mapping (inbound: status and payments back from the ERP).</summary>
    public const string NetSuiteInvoice = "netsuite-invoice";

    /// <summary>The id of the <c>invoice@1</c> to NetSuite REST <c>invoice</c> record mapping (outbound: produces a <see cref="System.Text.Json.Nodes.JsonObject"/>).</summary>
    public const string NetSuiteInvoiceOutbound = "netsuite-invoice-outbound";

    /// <summary>Gets the ids of every reference mapping.</summary>
    public static IReadOnlyList<string> Ids { get; } = [SalesforceAccount, SalesforceOpportunity, KantataTimeEntry, KantataExpense, NetSuiteInvoice, NetSuiteInvoiceOutbound];

    /// <summary>Gets a reference mapping's document, to read it or to load it with overlays.</summary>
    /// <param name="id">The reference mapping's id.</param>
    /// <returns>The document, named <c>Reference/&lt;id&gt;.mapping.json</c>.</returns>
    /// <exception cref="KeyNotFoundException">No reference mapping has the id.</exception>
    public static MappingFile GetFile(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var assembly = typeof(ReferenceMappings).Assembly;
        using var stream = assembly.GetManifestResourceStream(MappingConstants.ReferenceResourcePrefix + id + MappingConstants.ReferenceResourceSuffix)
            ?? throw new KeyNotFoundException($"No reference mapping has the id '{id}'; ids: {string.Join(", ", Ids)}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new MappingFile("Reference/" + id + MappingConstants.ReferenceResourceSuffix, buffer.ToArray());
    }
}
