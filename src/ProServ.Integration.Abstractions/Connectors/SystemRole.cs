namespace ProServ.Integration.Connectors;

/// <summary>Names the part a connected system plays in the quote-to-cash cycle.</summary>
public enum SystemRole
{
    /// <summary>Customer relationship management: clients and the sales pipeline (for example Salesforce).</summary>
    Crm = 0,

    /// <summary>Professional services automation: projects, staffing, time and expenses (for example Kantata, Certinia).</summary>
    Psa = 1,

    /// <summary>Enterprise resource planning: customers, projects, invoices and payments (for example NetSuite).</summary>
    Erp = 2,
}
