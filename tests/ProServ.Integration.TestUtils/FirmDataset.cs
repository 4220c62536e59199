using ProServ.Integration.Events;
using ProServ.Integration.Model;

namespace ProServ.Integration.TestUtils;

/// <summary>A coherent, small professional-services firm: every reference resolves inside the dataset.</summary>
public sealed record FirmDataset
{
    public required string TenantId { get; init; }

    public required IReadOnlyList<Resource> Resources { get; init; }

    public required IReadOnlyList<Client> Clients { get; init; }

    public required IReadOnlyList<Opportunity> Opportunities { get; init; }

    public required IReadOnlyList<Engagement> Engagements { get; init; }

    public required IReadOnlyList<ContractLine> ContractLines { get; init; }

    public required IReadOnlyList<ResourceAssignment> Assignments { get; init; }

    public required IReadOnlyList<Milestone> Milestones { get; init; }

    public required IReadOnlyList<TimeEntry> TimeEntries { get; init; }

    public required IReadOnlyList<Expense> Expenses { get; init; }

    public required IReadOnlyList<BillingEvent> BillingEvents { get; init; }

    public required IReadOnlyList<Invoice> Invoices { get; init; }

    public required IReadOnlyList<Payment> Payments { get; init; }

    public required IReadOnlyList<BusinessEvent> Events { get; init; }

    /// <summary>Every canonical record of the dataset (not the events), for "validate everything" tests.</summary>
    public IEnumerable<ICanonicalRecord> AllRecords() =>
        Resources.Cast<ICanonicalRecord>().Concat(Clients).Concat(Opportunities).Concat(Engagements).Concat(ContractLines)
            .Concat(Assignments).Concat(Milestones).Concat(TimeEntries).Concat(Expenses).Concat(BillingEvents)
            .Concat(Invoices).Concat(Payments);
}
