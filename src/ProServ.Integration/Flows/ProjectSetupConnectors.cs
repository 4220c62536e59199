using ProServ.Integration.Connectors;
using ProServ.Integration.Model;

namespace ProServ.Integration.Flows;

/// <summary>The connector ends the closed-won → project flow reads from and writes to.</summary>
public sealed class ProjectSetupConnectors
{
    /// <summary>Gets the CRM's system name, as used in cross-references (for example <c>salesforce</c>).</summary>
    public required string CrmSystem { get; init; }

    /// <summary>Gets the CRM's opportunity changes.</summary>
    public required IChangeReader<Opportunity> Opportunities { get; init; }

    /// <summary>Gets the CRM's client lookup, to fetch the client of a won opportunity.</summary>
    public required IRecordLookup<Client> Clients { get; init; }

    /// <summary>Gets the CRM writer of the project set-up status, or <see langword="null"/> to write nothing back.</summary>
    public IRecordWriter<OpportunityProjectLink>? ProjectLinks { get; init; }

    /// <summary>Gets the PSA's system name (for example <c>kantata</c>).</summary>
    public required string PsaSystem { get; init; }

    /// <summary>Gets the PSA's project writer.</summary>
    public required IRecordWriter<Engagement> PsaProjects { get; init; }

    /// <summary>Gets the PSA's milestone writer, or <see langword="null"/> when milestones are not set up in the PSA.</summary>
    public IRecordWriter<Milestone>? PsaMilestones { get; init; }

    /// <summary>Gets the ERP's system name (for example <c>netsuite</c>).</summary>
    public required string ErpSystem { get; init; }

    /// <summary>Gets the ERP's customer writer.</summary>
    public required IRecordWriter<Client> ErpCustomers { get; init; }

    /// <summary>Gets the ERP's project writer.</summary>
    public required IRecordWriter<Engagement> ErpProjects { get; init; }
}
