namespace ProServ.Integration.Ownership;

/// <summary>Names the systems of record of the default <see cref="OwnershipPolicy"/>: the roles a concrete system (Salesforce, NetSuite, ...) plays.</summary>
/// <remarks>Owners are plain names (<c>^[a-z][a-z0-9-]{0,31}$</c>); a host may use its own, for example <c>hris</c> for people data.</remarks>
public static class OwnershipSystems
{
    /// <summary>The CRM: clients, opportunities and what was sold.</summary>
    public const string Crm = "crm";

    /// <summary>The PSA (professional services automation): engagements, staffing, time, expenses, milestones, billing events.</summary>
    public const string Psa = "psa";

    /// <summary>The ERP (finance): invoices, tax, payments and credit terms.</summary>
    public const string Erp = "erp";
}
