using Bogus;
using ProServ.Integration.Events;
using ProServ.Integration.Finance;
using ProServ.Integration.Model;

namespace ProServ.Integration.TestUtils;

/// <summary>
/// Generates realistic canonical records that respect every model invariant (hours in (0, 24] with 2 decimals, amounts
/// rounded to minor units, invoice totals exact, dates coherent). Seeded: the same seed and call sequence gives the same
/// records, byte for byte. Not thread-safe.
/// </summary>
public sealed class CanonicalFaker
{
    private static readonly string[] Currencies = ["USD", "EUR", "GBP", "CHF", "JPY", "BHD"];
    private static readonly string[] TimeZones = ["Europe/Berlin", "America/New_York", "Europe/London", "Asia/Tokyo", "Asia/Bahrain", "Europe/Zurich"];
    private static readonly string[] ServiceLines = ["cloud-migration", "data-analytics", "erp-implementation", "cybersecurity", "managed-services", "strategy"];
    private static readonly string[] LegalEntities = ["proserv-us-inc", "proserv-de-gmbh", "proserv-uk-ltd", "proserv-jp-kk"];
    private static readonly string[] Roles = ["Partner", "Principal", "Senior Consultant", "Consultant", "Analyst", "Architect", "Project Manager"];
    private static readonly decimal[] TaxRates = [0m, 0.07m, 0.19m, 0.2m, 0.1m];

    private readonly Faker faker;
    private readonly BusinessEventFactory events;
    private DateTimeOffset clock;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The random seed.</param>
    /// <param name="tenantId">The tenant of every record.</param>
    public CanonicalFaker(int seed = 42, string tenantId = "acme-consulting")
    {
        faker = new Faker("en") { Random = new Randomizer(seed) };
        TenantId = tenantId;
        Time = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        clock = Time.GetUtcNow();
        events = new BusinessEventFactory(new Uri("urn:proserv:test:faker"), Time);
    }

    /// <summary>The tenant of every generated record.</summary>
    public string TenantId { get; }

    /// <summary>The clock used for event times and ids; advanced by one second per event.</summary>
    public ManualTimeProvider Time { get; }

    /// <summary>The anchor date of the generated calendar (work dates fall shortly before and after it).</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.UtcDateTime);

    public Resource Resource()
    {
        var first = faker.Name.FirstName();
        var last = faker.Name.LastName();
        return new Resource
        {
            Id = ResourceId.FromGuid(NextGuid()),
            TenantId = TenantId,
            Name = $"{first} {last}",
            Email = $"{Slug(first)}.{Slug(last)}@proserv.example",
            Role = faker.PickRandom(Roles),
            CostCentre = faker.Random.Bool(0.7f) ? $"CC-{faker.Random.Int(100, 999)}" : null,
            Status = faker.Random.Bool(0.9f) ? ResourceStatus.Active : ResourceStatus.Inactive,
            ExternalReferences = [new ExternalReference("workday", $"WD{faker.Random.Int(10000, 99999)}")],
        };
    }

    public Client Client(CurrencyCode? currency = null)
    {
        var company = faker.Company.CompanyName();
        var country = faker.PickRandom("US", "DE", "GB", "CH", "JP", "BH");
        return new Client
        {
            Id = ClientId.FromGuid(NextGuid()),
            TenantId = TenantId,
            Name = company,
            LegalName = faker.Random.Bool() ? $"{company} {faker.PickRandom("Inc.", "GmbH", "Ltd", "AG", "LLC")}" : null,
            LegalEntity = faker.PickRandom(LegalEntities),
            TaxProfile = faker.Random.Bool(0.8f)
                ? new TaxProfile
                {
                    TaxRegion = country == "US" ? $"US-{faker.PickRandom("CA", "NY", "TX", "WA")}" : country,
                    TaxId = faker.Random.Bool(0.8f) ? $"{country}{faker.Random.ReplaceNumbers("#########")}" : null,
                    TaxCode = faker.Random.Bool() ? faker.PickRandom("VAT-STD", "VAT-RC", "EXEMPT", "SALES-TAX") : null,
                    TaxExempt = faker.Random.Bool(0.1f),
                }
                : null,
            BillingAddress = faker.Random.Bool(0.8f)
                ? new PostalAddress
                {
                    Lines = faker.Random.Bool(0.3f)
                        ? [faker.Address.StreetAddress(), faker.Address.SecondaryAddress()]
                        : [faker.Address.StreetAddress()],
                    City = faker.Address.City(),
                    Region = country == "US" ? faker.Address.StateAbbr() : null,
                    PostalCode = faker.Address.ZipCode("#####"),
                    CountryCode = country,
                }
                : null,
            PaymentTermsDays = faker.PickRandom(0, 14, 30, 45, 60, 90),
            Currency = currency ?? CurrencyCode.Parse(faker.PickRandom(Currencies)),
            Status = faker.Random.WeightedRandom([ClientStatus.Active, ClientStatus.OnHold, ClientStatus.Inactive], [0.85f, 0.1f, 0.05f]),
            ExternalReferences = [new ExternalReference("salesforce", $"001{faker.Random.AlphaNumeric(15)}", Version(0.5f))],
        };
    }

    public Opportunity Opportunity(Client client, OpportunityStage? stage = null, Resource? owner = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var chosen = stage ?? faker.PickRandom(Enum.GetValues<OpportunityStage>().Where(s => s != OpportunityStage.Unknown).ToArray());
        var probability = chosen switch
        {
            OpportunityStage.ClosedWon => 100,
            OpportunityStage.ClosedLost => 0,
            OpportunityStage.Prospecting => 10,
            OpportunityStage.Qualification => 25,
            OpportunityStage.Proposal => 50,
            _ => 75,
        };
        var closeDate = Today.AddDays(faker.Random.Int(-60, 60));
        return new Opportunity
        {
            Id = OpportunityId.FromGuid(NextGuid()),
            TenantId = TenantId,
            ClientId = client.Id,
            Name = $"{client.Name} - {faker.PickRandom("Cloud migration", "Data platform", "ERP rollout", "Security review", "Operating model")} {faker.Random.Int(2026, 2027)}",
            Stage = chosen,
            Amount = Amount(client.Currency, 20_000m, 2_000_000m),
            CloseDate = closeDate,
            Probability = probability,
            BillingMethod = faker.Random.Bool(0.8f) ? faker.PickRandom(BillingMethod.TimeAndMaterials, BillingMethod.FixedFee, BillingMethod.Milestone, BillingMethod.Retainer) : null,
            ServiceLine = faker.Random.Bool(0.8f) ? faker.PickRandom(ServiceLines) : null,
            LegalEntity = client.LegalEntity,
            ProjectManagerId = null,
            ExpectedStartDate = faker.Random.Bool(0.7f) ? closeDate.AddDays(faker.Random.Int(7, 45)) : null,
            Owner = owner?.Email ?? $"{Slug(faker.Name.FirstName())}@proserv.example",
            ExternalReferences = [new ExternalReference("salesforce", $"006{faker.Random.AlphaNumeric(15)}", Version(0.5f))],
        };
    }

    public Engagement Engagement(Client client, Opportunity? opportunity = null, Resource? projectManager = null, EngagementStatus status = EngagementStatus.Active)
    {
        ArgumentNullException.ThrowIfNull(client);
        var start = Today.AddDays(-faker.Random.Int(30, 120));
        var zone = TimeZoneFor(client.Currency);
        return new Engagement
        {
            Id = EngagementId.FromGuid(NextGuid()),
            TenantId = TenantId,
            ClientId = client.Id,
            OpportunityId = opportunity?.Id,
            Name = opportunity?.Name ?? $"{client.Name} - {faker.Commerce.ProductName()}",
            Code = $"{Slug(client.Name).ToUpperInvariant()[..Math.Min(4, Slug(client.Name).Length)]}-{faker.Random.Int(1000, 9999)}",
            Status = status,
            BillingMethod = opportunity?.BillingMethod ?? BillingMethod.TimeAndMaterials,
            LegalEntity = client.LegalEntity ?? faker.PickRandom(LegalEntities),
            ServiceLine = opportunity?.ServiceLine ?? faker.PickRandom(ServiceLines),
            ProjectManagerId = projectManager?.Id ?? ResourceId.FromGuid(NextGuid()),
            StartDate = start,
            EndDate = faker.Random.Bool(0.7f) ? start.AddDays(faker.Random.Int(150, 365)) : null,
            TimeZone = zone,
            Currency = client.Currency,
            ExternalReferences = [new ExternalReference("psa", $"PRJ-{faker.Random.Int(10000, 99999)}", Version(0.8f))],
        };
    }

    public ContractLine ContractLine(Engagement engagement, BillingMethod? method = null)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var billing = method ?? (engagement.BillingMethod.IsKnown ? engagement.BillingMethod.Value : BillingMethod.TimeAndMaterials);
        var currency = engagement.Currency;
        var isRecurring = billing is BillingMethod.Retainer or BillingMethod.Subscription;
        return new ContractLine
        {
            Id = ContractLineId.FromGuid(NextGuid()),
            TenantId = TenantId,
            EngagementId = engagement.Id,
            Description = billing switch
            {
                BillingMethod.TimeAndMaterials => "Professional services (time and materials)",
                BillingMethod.FixedFee => "Fixed-fee delivery",
                BillingMethod.Milestone => "Milestone deliverables",
                BillingMethod.Retainer => "Advisory retainer",
                _ => "Managed service subscription",
            },
            BillingMethod = billing,
            Currency = currency,
            RateCard = billing == BillingMethod.TimeAndMaterials
                ? [.. Roles.Take(faker.Random.Int(2, Roles.Length)).Select(role => new RateCardEntry
                {
                    Role = role,
                    HourlyRate = Amount(currency, 90m, 450m),
                    EffectiveFrom = engagement.StartDate,
                    EffectiveTo = engagement.EndDate,
                })]
                : [],
            NotToExceed = billing == BillingMethod.TimeAndMaterials && faker.Random.Bool() ? Amount(currency, 100_000m, 900_000m) : null,
            FixedAmount = billing is BillingMethod.FixedFee or BillingMethod.Milestone ? Amount(currency, 50_000m, 500_000m) : null,
            RecurringAmount = isRecurring ? Amount(currency, 5_000m, 40_000m) : null,
            RecurrencePeriod = isRecurring ? faker.PickRandom(RecurrencePeriod.Monthly, RecurrencePeriod.Quarterly) : null,
            StartDate = engagement.StartDate,
            EndDate = engagement.EndDate,
            Status = ContractLineStatus.Active,
        };
    }

    public ResourceAssignment ResourceAssignment(Engagement engagement, Resource resource, ContractLine? line = null)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(resource);
        var rate = line?.RateCard.FirstOrDefault(r => r.Role == resource.Role)?.HourlyRate;
        return new ResourceAssignment
        {
            Id = ResourceAssignmentId.FromGuid(NextGuid()),
            TenantId = TenantId,
            EngagementId = engagement.Id,
            ResourceId = resource.Id,
            Role = resource.Role,
            StartDate = engagement.StartDate,
            EndDate = engagement.EndDate,
            AllocationPercent = faker.PickRandom(20, 25, 50, 80, 100),
            BillRate = rate ?? Amount(engagement.Currency, 100m, 400m),
        };
    }

    public Milestone Milestone(Engagement engagement, ContractLine? line = null, MilestoneStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var chosen = status ?? faker.PickRandom(MilestoneStatus.Planned, MilestoneStatus.InProgress, MilestoneStatus.Completed, MilestoneStatus.Approved, MilestoneStatus.Billed);
        return new Milestone
        {
            Id = MilestoneId.FromGuid(NextGuid()),
            TenantId = TenantId,
            EngagementId = engagement.Id,
            ContractLineId = line?.Id,
            Name = faker.PickRandom("Discovery report", "Target architecture", "Pilot go-live", "Data migration", "Hypercare exit", "Final report"),
            DueDate = engagement.StartDate.AddDays(faker.Random.Int(14, 120)),
            Amount = Amount(engagement.Currency, 10_000m, 150_000m),
            Status = chosen,
            ApprovedAt = chosen is MilestoneStatus.Approved or MilestoneStatus.Billed ? Instant(-20, -1) : null,
        };
    }

    public TimeEntry TimeEntry(Engagement engagement, ResourceAssignment assignment, ContractLine? line = null, TimeEntryStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(assignment);
        var chosen = status ?? faker.Random.WeightedRandom(
            [TimeEntryStatus.Draft, TimeEntryStatus.Submitted, TimeEntryStatus.Approved, TimeEntryStatus.Rejected], [0.1f, 0.2f, 0.65f, 0.05f]);
        var workDate = Today.AddDays(-faker.Random.Int(1, 28));
        if (workDate < engagement.StartDate)
        {
            workDate = engagement.StartDate;
        }

        var submitted = chosen == TimeEntryStatus.Draft ? (DateTimeOffset?)null : AtDay(workDate, 1);
        return new TimeEntry
        {
            Id = TimeEntryId.FromGuid(NextGuid()),
            TenantId = TenantId,
            EngagementId = engagement.Id,
            ResourceId = assignment.ResourceId,
            AssignmentId = assignment.Id,
            ContractLineId = line?.Id,
            WorkDate = workDate,
            Hours = faker.Random.Int(1, 40) * 0.25m,
            Billable = faker.Random.Bool(0.85f),
            Description = faker.Random.Bool(0.8f) ? faker.Hacker.Phrase() : null,
            Status = chosen,
            SubmittedAt = submitted,
            ApprovedAt = chosen == TimeEntryStatus.Approved ? submitted!.Value.AddHours(faker.Random.Int(2, 72)) : null,
            ApprovedBy = chosen == TimeEntryStatus.Approved ? engagement.ProjectManagerId : null,
            ExternalReferences = [new ExternalReference("psa", $"TE-{faker.Random.Int(100000, 999999)}", Version(0.9f))],
        };
    }

    public Expense Expense(Engagement engagement, Resource resource, ExpenseStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(resource);
        var category = faker.PickRandom(ExpenseCategory.Travel, ExpenseCategory.Lodging, ExpenseCategory.Meals, ExpenseCategory.Mileage, ExpenseCategory.Software);
        var incurred = Today.AddDays(-faker.Random.Int(1, 28));
        return new Expense
        {
            Id = ExpenseId.FromGuid(NextGuid()),
            TenantId = TenantId,
            EngagementId = engagement.Id,
            ResourceId = resource.Id,
            IncurredOn = incurred < engagement.StartDate ? engagement.StartDate : incurred,
            Category = category,
            Amount = Amount(engagement.Currency, 12m, 1_800m),
            Billable = faker.Random.Bool(0.7f),
            MarkupPercent = faker.Random.Bool(0.2f) ? faker.PickRandom(5m, 7.5m, 10m) : null,
            ReceiptUrl = faker.Random.Bool(0.6f) ? new Uri($"https://receipts.proserv.example/{faker.Random.AlphaNumeric(12)}.pdf") : null,
            Description = faker.Random.Bool(0.7f) ? $"{category} - {faker.Address.City()}" : null,
            Status = status ?? faker.PickRandom(ExpenseStatus.Submitted, ExpenseStatus.Approved, ExpenseStatus.Reimbursed),
        };
    }

    /// <summary>Creates the billing event of an approved billable time entry at an hourly rate.</summary>
    public BillingEvent BillingEventFor(TimeEntry entry, ContractLine line, Money hourlyRate, BillingEventStatus status = BillingEventStatus.Pending)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(line);
        var unitPrice = hourlyRate.Round();
        return new BillingEvent
        {
            Id = BillingEventId.FromGuid(NextGuid()),
            TenantId = TenantId,
            EngagementId = entry.EngagementId,
            ContractLineId = line.Id,
            SourceKind = BillingEventSourceKind.TimeEntry,
            SourceId = entry.Id.Value,
            ServiceDate = entry.WorkDate,
            Quantity = entry.Hours,
            UnitPrice = unitPrice,
            Amount = (unitPrice * entry.Hours).Round(),
            Status = status,
            Description = $"{entry.Hours} h on {entry.WorkDate:yyyy-MM-dd}",
            CreatedAt = (entry.ApprovedAt ?? clock).AddMinutes(5),
        };
    }

    /// <summary>Creates a billing event of a random kind (time, milestone, expense, recurring or a negative adjustment).</summary>
    public BillingEvent BillingEvent(Engagement engagement, ContractLine line)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(line);
        var kind = faker.PickRandom(BillingEventSourceKind.TimeEntry, BillingEventSourceKind.Milestone, BillingEventSourceKind.Expense, BillingEventSourceKind.Retainer, BillingEventSourceKind.Adjustment);
        var serviceDate = Today.AddDays(-faker.Random.Int(1, 28));
        decimal? quantity = kind == BillingEventSourceKind.TimeEntry ? faker.Random.Int(1, 40) * 0.25m : null;
        Money? unitPrice = quantity is null ? null : Amount(line.Currency, 90m, 450m);
        var amount = unitPrice is { } price ? (price * quantity!.Value).Round() : Amount(line.Currency, 100m, 25_000m);
        if (kind == BillingEventSourceKind.Adjustment && faker.Random.Bool(0.6f))
        {
            amount = -amount;
        }

        return new BillingEvent
        {
            Id = BillingEventId.FromGuid(NextGuid()),
            TenantId = TenantId,
            EngagementId = engagement.Id,
            ContractLineId = line.Id,
            SourceKind = kind,
            SourceId = kind is BillingEventSourceKind.TimeEntry or BillingEventSourceKind.Milestone or BillingEventSourceKind.Expense ? NextGuid() : null,
            ServiceDate = kind == BillingEventSourceKind.Retainer ? new DateOnly(serviceDate.Year, serviceDate.Month, 1) : serviceDate,
            ServicePeriodEnd = kind == BillingEventSourceKind.Retainer
                ? new DateOnly(serviceDate.Year, serviceDate.Month, DateTime.DaysInMonth(serviceDate.Year, serviceDate.Month))
                : null,
            Quantity = quantity,
            UnitPrice = unitPrice,
            Amount = amount,
            Status = BillingEventStatus.Pending,
            Description = kind == BillingEventSourceKind.Adjustment ? "Goodwill adjustment" : $"{kind} charges",
            CreatedAt = Instant(-10, -1),
        };
    }

    /// <summary>Creates an invoice; with billing events, one line per event, otherwise 1 to 5 random lines. Totals are exact.</summary>
    public Invoice Invoice(Client client, Engagement? engagement = null, IReadOnlyList<BillingEvent>? billingEvents = null, InvoiceStatus status = InvoiceStatus.Posted)
    {
        ArgumentNullException.ThrowIfNull(client);
        var currency = engagement?.Currency ?? client.Currency;
        var taxRate = client.TaxProfile is { TaxExempt: true } ? 0m : faker.PickRandom(TaxRates);
        var lines = new List<InvoiceLine>();
        if (billingEvents is { Count: > 0 })
        {
            foreach (var billingEvent in billingEvents)
            {
                var quantity = billingEvent.Quantity ?? 1m;
                var unitPrice = billingEvent.UnitPrice ?? billingEvent.Amount;
                lines.Add(Line(lines.Count + 1, billingEvent.Description, quantity, unitPrice, taxRate, [billingEvent.Id]));
            }
        }
        else
        {
            var count = faker.Random.Int(1, 5);
            for (var i = 1; i <= count; i++)
            {
                lines.Add(Line(i, faker.PickRandom("Consulting services", "Architecture review", "Project management", "Travel expenses", "Licence pass-through"), faker.Random.Int(1, 80) * 0.25m, Amount(currency, 90m, 450m), taxRate, []));
            }
        }

        var subtotal = Money.Zero(currency);
        var taxTotal = Money.Zero(currency);
        foreach (var line in lines)
        {
            subtotal += line.Amount;
            taxTotal += line.TaxAmount;
        }

        var total = subtotal + taxTotal;
        var paid = status switch
        {
            InvoiceStatus.Paid => total,
            InvoiceStatus.PartiallyPaid => total.Allocate([1m, 1m])[0],
            _ => Money.Zero(currency),
        };
        var issue = Today.AddDays(-faker.Random.Int(0, 20));
        var posted = status is not (InvoiceStatus.Draft);
        return new Invoice
        {
            Id = InvoiceId.FromGuid(NextGuid()),
            TenantId = TenantId,
            ClientId = client.Id,
            EngagementId = engagement?.Id,
            Number = posted ? $"INV-{issue.Year}-{faker.Random.Int(1, 99999):00000}" : null,
            PurchaseOrderNumber = faker.Random.Bool(0.3f) ? $"PO{faker.Random.Int(100000, 999999)}" : null,
            IssueDate = issue,
            DueDate = issue.AddDays(client.PaymentTermsDays),
            Currency = currency,
            Status = status,
            Lines = lines,
            Subtotal = subtotal,
            TaxTotal = taxTotal,
            Total = total,
            AmountPaid = paid,
            AmountDue = total - paid,
            PostedAt = posted ? AtDay(issue, 0) : null,
            ExternalReferences = posted ? [new ExternalReference("netsuite", faker.Random.Int(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture), Version(1f))] : [],
        };
    }

    /// <summary>Creates a payment of the invoice's amount due (or part of it).</summary>
    public Payment Payment(Invoice invoice, bool full = true)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var due = invoice.AmountDue.IsZero || invoice.AmountDue.IsNegative ? invoice.Total : invoice.AmountDue;
        var amount = full || due.ToMinorUnits() < 2 ? due : due.Allocate([3m, 2m])[0];
        if (amount.IsZero || amount.IsNegative)
        {
            amount = Money.FromMinorUnits(100, invoice.Currency);
        }

        return new Payment
        {
            Id = PaymentId.FromGuid(NextGuid()),
            TenantId = TenantId,
            InvoiceId = invoice.Id,
            ClientId = invoice.ClientId,
            Amount = amount,
            ReceivedAt = AtDay(invoice.IssueDate.AddDays(faker.Random.Int(1, 30)), 0),
            Method = faker.PickRandom(PaymentMethod.BankTransfer, PaymentMethod.Card, PaymentMethod.Check, PaymentMethod.DirectDebit),
            Reference = faker.Random.Bool(0.8f) ? faker.Random.ReplaceNumbers("REF-########") : null,
            Status = faker.Random.WeightedRandom([PaymentStatus.Cleared, PaymentStatus.Pending], [0.9f, 0.1f]),
            ExternalReferences = [new ExternalReference("netsuite", $"PMT{faker.Random.Int(10000, 99999)}")],
        };
    }

    /// <summary>Creates a business event around a record of a random kind (or of <paramref name="data"/>), optionally caused by another.</summary>
    public BusinessEvent BusinessEvent(ICanonicalRecord? data = null, BusinessEvent? causedBy = null)
    {
        Time.Advance(TimeSpan.FromSeconds(1));
        clock = Time.GetUtcNow();
        if (data is null)
        {
            var client = Client();
            var engagement = Engagement(client);
            var resource = Resource();
            data = faker.Random.Int(0, 3) switch
            {
                0 => Opportunity(client, OpportunityStage.ClosedWon),
                1 => engagement,
                2 => TimeEntry(engagement, ResourceAssignment(engagement, resource), status: TimeEntryStatus.Approved),
                _ => Invoice(client, engagement),
            };
        }

        var created = data switch
        {
            Opportunity o => events.OpportunityClosedWon(o, causedBy),
            Engagement e => events.EngagementActivated(e, causedBy),
            TimeEntry t => events.TimeEntryApproved(t, causedBy),
            Milestone m => events.MilestoneApproved(m, causedBy),
            BillingEvent b => events.BillingEventCreated(b, causedBy),
            Invoice i => events.InvoicePosted(i, causedBy),
            Payment p => events.PaymentReceived(p, causedBy),
            _ => throw new ArgumentException($"No business event carries a {data.GetType().Name}.", nameof(data)),
        };

        // The factory's UUIDv7 ids carry OS randomness; replace them with seeded ones so datasets are reproducible.
        var id = EventId.FromGuid(NextGuid());
        return created with { Id = id, CorrelationId = causedBy is null ? id.ToString() : created.CorrelationId };
    }

    /// <summary>Creates a coherent firm: clients, people, won opportunities, engagements, time, billing, invoices, payments and the events between them.</summary>
    public FirmDataset Firm(int clients = 3, int resources = 6, int timeEntriesPerEngagement = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resources, 1);
        var people = Enumerable.Range(0, resources).Select(_ => Resource()).ToList();
        var result = new
        {
            Clients = new List<Client>(), Opportunities = new List<Opportunity>(), Engagements = new List<Engagement>(),
            Lines = new List<ContractLine>(), Assignments = new List<ResourceAssignment>(), Milestones = new List<Milestone>(),
            Time = new List<TimeEntry>(), Expenses = new List<Expense>(), Billing = new List<BillingEvent>(),
            Invoices = new List<Invoice>(), Payments = new List<Payment>(), Events = new List<BusinessEvent>(),
        };

        for (var c = 0; c < clients; c++)
        {
            var client = Client();
            var pm = people[c % people.Count];
            var opportunity = Opportunity(client, OpportunityStage.ClosedWon, pm) with { ProjectManagerId = pm.Id };
            var won = BusinessEvent(opportunity);
            var engagement = Engagement(client, opportunity, pm);
            var activated = BusinessEvent(engagement, won);
            var tm = ContractLine(engagement, BillingMethod.TimeAndMaterials);
            var fixedLine = ContractLine(engagement, BillingMethod.Milestone);
            var team = people.Where((_, i) => i % clients == c || i == c % people.Count).Distinct().ToList();
            var assignments = team.Select(p => ResourceAssignment(engagement, p, tm)).ToList();
            var milestone = Milestone(engagement, fixedLine, MilestoneStatus.Approved);
            var billing = new List<BillingEvent>();
            var entries = new List<TimeEntry>();
            result.Events.Add(won);
            result.Events.Add(activated);
            for (var t = 0; t < timeEntriesPerEngagement; t++)
            {
                var assignment = assignments[t % assignments.Count];
                var entry = TimeEntry(engagement, assignment, tm);
                entries.Add(entry);
                if (entry.Status == TimeEntryStatus.Approved && entry.Billable)
                {
                    var approved = BusinessEvent(entry, activated);
                    var billingEvent = BillingEventFor(entry, tm, assignment.BillRate!.Value);
                    billing.Add(billingEvent);
                    result.Events.Add(approved);
                    result.Events.Add(BusinessEvent(billingEvent, approved));
                }
            }

            result.Events.Add(BusinessEvent(milestone, activated));
            var expenses = team.Take(2).Select(p => Expense(engagement, p)).ToList();
            var invoice = billing.Count > 0 ? Invoice(client, engagement, billing) : Invoice(client, engagement);
            var posted = BusinessEvent(invoice, activated);
            var invoiced = billing.Select(b => b with { Status = BillingEventStatus.Invoiced, InvoiceId = invoice.Id }).ToList();
            var payment = Payment(invoice, full: c % 2 == 0);
            result.Events.Add(posted);
            result.Events.Add(BusinessEvent(payment, posted));

            result.Clients.Add(client);
            result.Opportunities.Add(opportunity);
            result.Engagements.Add(engagement);
            result.Lines.AddRange([tm, fixedLine]);
            result.Assignments.AddRange(assignments);
            result.Milestones.Add(milestone);
            result.Time.AddRange(entries);
            result.Expenses.AddRange(expenses);
            result.Billing.AddRange(invoiced);
            result.Invoices.Add(invoice);
            result.Payments.Add(payment);
        }

        return new FirmDataset
        {
            TenantId = TenantId,
            Resources = people,
            Clients = result.Clients,
            Opportunities = result.Opportunities,
            Engagements = result.Engagements,
            ContractLines = result.Lines,
            Assignments = result.Assignments,
            Milestones = result.Milestones,
            TimeEntries = result.Time,
            Expenses = result.Expenses,
            BillingEvents = result.Billing,
            Invoices = result.Invoices,
            Payments = result.Payments,
            Events = result.Events,
        };
    }

    private static InvoiceLine Line(int number, string description, decimal quantity, Money unitPrice, decimal taxRate, IReadOnlyList<BillingEventId> events)
    {
        var amount = (unitPrice * quantity).Round();
        return new InvoiceLine
        {
            LineNumber = number,
            Description = description,
            Quantity = quantity,
            UnitPrice = unitPrice,
            Amount = amount,
            TaxAmount = (amount * taxRate).Round(),
            TaxCode = taxRate == 0m ? "EXEMPT" : "STD",
            BillingEventIds = events,
        };
    }

    private static string Slug(string text) =>
        new([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);

    private static string TimeZoneFor(CurrencyCode currency) => currency.Code switch
    {
        "USD" => "America/New_York",
        "EUR" => "Europe/Berlin",
        "GBP" => "Europe/London",
        "CHF" => "Europe/Zurich",
        "JPY" => "Asia/Tokyo",
        "BHD" => "Asia/Bahrain",
        _ => TimeZones[0],
    };

    private Money Amount(CurrencyCode currency, decimal min, decimal max) =>
        Money.Of(decimal.Round(faker.Random.Decimal(min, max), currency.MinorUnits), currency).Round();

    private string? Version(float probability) =>
        faker.Random.Bool(probability) ? $"\"{faker.Random.Hexadecimal(8, prefix: string.Empty)}\"" : null;

    private DateTimeOffset Instant(int minDays, int maxDays)
    {
        var offset = TimeSpan.FromHours(faker.PickRandom(0, 1, -5, 9, 3));
        var utc = clock.AddDays(faker.Random.Int(minDays, maxDays)).AddSeconds(faker.Random.Int(0, 86_399)).AddMilliseconds(faker.Random.Int(0, 999));
        return utc.ToOffset(offset);
    }

    private DateTimeOffset AtDay(DateOnly day, int plusDays)
    {
        var offset = TimeSpan.FromHours(faker.PickRandom(0, 1, -5, 9, 3));
        var local = day.AddDays(plusDays).ToDateTime(new TimeOnly(faker.Random.Int(8, 19), faker.Random.Int(0, 59), faker.Random.Int(0, 59)));
        return new DateTimeOffset(local, offset);
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        faker.Random.Bytes(16).CopyTo(bytes);
        var ms = clock.ToUnixTimeMilliseconds() - faker.Random.Int(0, 86_400_000);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
