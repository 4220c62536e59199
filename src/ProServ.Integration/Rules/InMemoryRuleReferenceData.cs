using ProServ.Integration.Model;

namespace ProServ.Integration.Rules;

/// <summary>Answers rule lookups from a fixed set of canonical records held in memory.</summary>
/// <remarks>Indexes the records once in the constructor; immutable and thread-safe afterwards. Records of other types are ignored. For each id the last record given wins.</remarks>
public sealed class InMemoryRuleReferenceData : RuleReferenceData
{
    private readonly Dictionary<EngagementId, Engagement> engagements = [];
    private readonly Dictionary<ContractLineId, ContractLine> contractLines = [];
    private readonly Dictionary<ResourceAssignmentId, ResourceAssignment> assignments = [];
    private readonly Dictionary<EngagementId, List<ContractLine>> linesByEngagement = [];
    private readonly Dictionary<EngagementId, List<Invoice>> invoicesByEngagement = [];
    private readonly Dictionary<(ResourceId Resource, DateOnly Day), List<TimeEntry>> timeByPersonDay = [];

    /// <summary>Indexes records for lookups.</summary>
    /// <param name="records">Engagements, contract lines, assignments, invoices and time entries (other records are ignored).</param>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    public InMemoryRuleReferenceData(IEnumerable<ICanonicalRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var entries = new Dictionary<TimeEntryId, TimeEntry>();
        var lines = new Dictionary<ContractLineId, ContractLine>();
        var invoices = new Dictionary<InvoiceId, Invoice>();
        foreach (var record in records)
        {
            switch (record)
            {
                case Engagement engagement:
                    engagements[engagement.Id] = engagement;
                    break;
                case ContractLine line:
                    lines[line.Id] = line;
                    break;
                case ResourceAssignment assignment:
                    assignments[assignment.Id] = assignment;
                    break;
                case Invoice invoice:
                    invoices[invoice.Id] = invoice;
                    break;
                case TimeEntry entry:
                    entries[entry.Id] = entry;
                    break;
            }
        }

        foreach (var line in lines.Values)
        {
            contractLines[line.Id] = line;
            GetOrAdd(linesByEngagement, line.EngagementId).Add(line);
        }

        foreach (var invoice in invoices.Values)
        {
            if (invoice.EngagementId is { } engagementId)
            {
                GetOrAdd(invoicesByEngagement, engagementId).Add(invoice);
            }
        }

        foreach (var entry in entries.Values)
        {
            GetOrAdd(timeByPersonDay, (entry.ResourceId, entry.WorkDate)).Add(entry);
        }
    }

    /// <inheritdoc/>
    public override ValueTask<Engagement?> FindEngagementAsync(EngagementId id, CancellationToken cancellationToken) =>
        new(engagements.GetValueOrDefault(id));

    /// <inheritdoc/>
    public override ValueTask<ContractLine?> FindContractLineAsync(ContractLineId id, CancellationToken cancellationToken) =>
        new(contractLines.GetValueOrDefault(id));

    /// <inheritdoc/>
    public override ValueTask<ResourceAssignment?> FindAssignmentAsync(ResourceAssignmentId id, CancellationToken cancellationToken) =>
        new(assignments.GetValueOrDefault(id));

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyList<ContractLine>> GetContractLinesAsync(EngagementId engagementId, CancellationToken cancellationToken) =>
        new(linesByEngagement.TryGetValue(engagementId, out var lines) ? lines : Array.Empty<ContractLine>());

    /// <inheritdoc/>
    public override ValueTask<IReadOnlyList<Invoice>> GetInvoicesAsync(EngagementId engagementId, CancellationToken cancellationToken) =>
        new(invoicesByEngagement.TryGetValue(engagementId, out var invoices) ? invoices : Array.Empty<Invoice>());

    /// <inheritdoc/>
    public override ValueTask<decimal> GetBookedHoursAsync(ResourceId resourceId, DateOnly workDate, TimeEntryId excluding, CancellationToken cancellationToken)
    {
        if (!timeByPersonDay.TryGetValue((resourceId, workDate), out var entries))
        {
            return default;
        }

        var total = 0m;
        foreach (var entry in entries)
        {
            if (entry.Id != excluding && entry.Status != TimeEntryStatus.Rejected)
            {
                total += entry.Hours;
            }
        }

        return new(total);
    }

    private static List<TValue> GetOrAdd<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        return list;
    }
}
