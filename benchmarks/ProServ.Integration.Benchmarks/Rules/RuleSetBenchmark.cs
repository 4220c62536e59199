using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;
using ProServ.Integration.Rules;
using ProServ.Integration.TestUtils;

namespace ProServ.Integration.Benchmarks.Rules;

/// <summary>
/// Checks one time entry and one invoice of a generated firm (10 clients, 20 people, 400 time entries) with the
/// built-in rule sets, against the naive baseline: the same checks written inline with LINQ over the record lists,
/// collecting errors into a fresh list (what a first implementation looks like).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RuleSetBenchmark
{
    private readonly RuleSet<TimeEntry> _timeRules = BuiltInRuleSets.TimeEntry();
    private readonly RuleSet<Invoice> _invoiceRules = BuiltInRuleSets.Invoice();
    private FirmDataset _firm = null!;
    private InMemoryRuleReferenceData _data = null!;
    private TimeEntry _entry = null!;
    private Invoice _invoice = null!;

    [GlobalSetup]
    public void Setup()
    {
        _firm = new CanonicalFaker(5).Firm(clients: 10, resources: 20, timeEntriesPerEngagement: 40);
        _data = new InMemoryRuleReferenceData(_firm.AllRecords());
        _entry = _firm.TimeEntries.Last(e => e.Billable && e.Status == TimeEntryStatus.Approved);
        _invoice = _firm.Invoices.OrderByDescending(i => i.Lines.Count).First();
        if (NaiveTimeEntry().Count != Evaluate(_timeRules, _entry).Violations.Count || NaiveInvoice().Count != 0 || Evaluate(_invoiceRules, _invoice).Violations.Count != 0)
        {
            throw new InvalidOperationException("The baseline and the rule sets disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "naive LINQ checks")]
    [BenchmarkCategory("time entry")]
    public int NaiveTimeEntryCheck() => NaiveTimeEntry().Count;

    [Benchmark(Description = "BuiltInRuleSets.TimeEntry")]
    [BenchmarkCategory("time entry")]
    public int RuleSetTimeEntryCheck() => Evaluate(_timeRules, _entry).Violations.Count;

    [Benchmark(Baseline = true, Description = "naive LINQ checks")]
    [BenchmarkCategory("invoice")]
    public int NaiveInvoiceCheck() => NaiveInvoice().Count;

    [Benchmark(Description = "BuiltInRuleSets.Invoice")]
    [BenchmarkCategory("invoice")]
    public int RuleSetInvoiceCheck() => Evaluate(_invoiceRules, _invoice).Violations.Count;

    private RuleResult Evaluate<T>(RuleSet<T> rules, T record)
        where T : class
    {
        var pending = rules.EvaluateAsync(record, _data);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    private List<string> NaiveTimeEntry()
    {
        var entry = _entry;
        var errors = new List<string>();
        var day = _firm.TimeEntries
            .Where(t => t.ResourceId == entry.ResourceId && t.WorkDate == entry.WorkDate && t.Id != entry.Id && t.Status != TimeEntryStatus.Rejected)
            .Sum(t => t.Hours) + entry.Hours;
        if (day > 16m)
        {
            errors.Add($"daily hours {day} > 16");
        }
        else if (day > 10m)
        {
            errors.Add($"daily hours {day} > 10");
        }

        var engagement = _firm.Engagements.FirstOrDefault(e => e.Id == entry.EngagementId);
        if (engagement is null)
        {
            errors.Add("engagement not found");
        }
        else if (entry.WorkDate < engagement.StartDate || entry.WorkDate > engagement.EndDate)
        {
            errors.Add("outside engagement");
        }

        var assignment = _firm.Assignments.FirstOrDefault(a => a.Id == entry.AssignmentId);
        if (assignment is null || assignment.ResourceId != entry.ResourceId || entry.WorkDate < assignment.StartDate || entry.WorkDate > assignment.EndDate)
        {
            errors.Add("assignment");
        }

        if (entry.Billable)
        {
            var line = _firm.ContractLines.FirstOrDefault(l => l.Id == entry.ContractLineId);
            if (line is null || line.EngagementId != entry.EngagementId || line.Status != ContractLineStatus.Active
                || line.BillingMethod != BillingMethod.TimeAndMaterials || entry.WorkDate < line.StartDate || entry.WorkDate > line.EndDate)
            {
                errors.Add("contract line");
            }
        }

        return errors;
    }

    private List<string> NaiveInvoice()
    {
        var invoice = _invoice;
        var errors = new List<string>();
        foreach (var line in invoice.Lines)
        {
            if ((line.UnitPrice * line.Quantity).Round() != line.Amount)
            {
                errors.Add($"line {line.LineNumber} amount");
            }
        }

        var subtotal = invoice.Lines.Select(l => l.Amount).Aggregate(Money.Zero(invoice.Currency), (a, b) => a + b);
        var tax = invoice.Lines.Select(l => l.TaxAmount).Aggregate(Money.Zero(invoice.Currency), (a, b) => a + b);
        if (subtotal != invoice.Subtotal)
        {
            errors.Add("subtotal");
        }

        if (tax != invoice.TaxTotal)
        {
            errors.Add("tax total");
        }

        if (subtotal + tax != invoice.Total)
        {
            errors.Add("total");
        }

        if (invoice.Total - invoice.AmountPaid != invoice.AmountDue)
        {
            errors.Add("amount due");
        }

        return errors;
    }
}
