using System.Globalization;
using ProServ.Integration.Finance;
using ProServ.Integration.Internal;
using ProServ.Integration.Mapping.Internal;
using ProServ.Integration.Model;

namespace ProServ.Integration.Flows;

/// <summary>Plans projects from a template per service line: one contract line whose billing method is the opportunity's, a rate card for time-based lines, and milestones whose amounts add up exactly to the opportunity amount.</summary>
/// <remarks>Thread-safe and deterministic. An opportunity whose service line has no template uses the fallback template.</remarks>
public sealed class ServiceLineProjectPlanner : IProjectPlanner
{
    private readonly Dictionary<string, ServiceLineTemplate> _templates;
    private readonly ServiceLineTemplate _fallback;

    /// <summary>Initializes a new instance of the <see cref="ServiceLineProjectPlanner"/> class.</summary>
    /// <param name="templates">The template per service line name (ordinal, case-insensitive).</param>
    /// <param name="fallback">The template for service lines without one; <see langword="null"/> for the defaults of <see cref="ServiceLineTemplate"/>.</param>
    /// <exception cref="ArgumentException">A template is invalid (no milestones, a share not positive, a negative due offset, a duration under one month).</exception>
    public ServiceLineProjectPlanner(IReadOnlyDictionary<string, ServiceLineTemplate> templates, ServiceLineTemplate? fallback = null)
    {
        Guard.NotNull(templates);
        _templates = new Dictionary<string, ServiceLineTemplate>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, template) in templates)
        {
            _templates[name] = Validate(template, name);
        }

        _fallback = Validate(fallback ?? new ServiceLineTemplate(), "fallback");
    }

    /// <inheritdoc />
    public ProjectPlan Plan(Opportunity opportunity, Client client, EngagementId engagementId)
    {
        Guard.NotNull(opportunity);
        Guard.NotNull(client);
        var serviceLine = opportunity.ServiceLine ?? string.Empty;
        var template = _templates.GetValueOrDefault(serviceLine) ?? _fallback;
        var start = opportunity.ExpectedStartDate ?? opportunity.CloseDate;
        var end = start.AddMonths(template.DurationMonths).AddDays(-1);
        var method = opportunity.BillingMethod ?? BillingMethod.TimeAndMaterials;
        var currency = opportunity.Amount.Currency;
        var engagement = new Engagement
        {
            Id = engagementId,
            TenantId = opportunity.TenantId,
            ClientId = opportunity.ClientId,
            OpportunityId = opportunity.Id,
            Name = opportunity.Name,
            Status = EngagementStatus.Active,
            BillingMethod = method,
            LegalEntity = opportunity.LegalEntity ?? client.LegalEntity ?? string.Empty,
            ServiceLine = serviceLine,
            ProjectManagerId = opportunity.ProjectManagerId ?? default,
            StartDate = start,
            EndDate = end,
            TimeZone = template.TimeZone,
            Currency = currency,
        };

        var lineId = ContractLineId.FromGuid(DerivedId.Create(opportunity.TenantId, "contract-line", DerivedId.ProServSystem, engagementId + "/0"));
        var rateCard = new List<RateCardEntry>();
        foreach (var (role, rate) in template.HourlyRates.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            rateCard.Add(new RateCardEntry { Role = role, HourlyRate = Money.Of(rate, currency).Round(), EffectiveFrom = start });
        }

        var line = new ContractLine
        {
            Id = lineId,
            TenantId = opportunity.TenantId,
            EngagementId = engagementId,
            Description = string.Create(CultureInfo.InvariantCulture, $"{opportunity.Name} ({method.RawValue})"),
            BillingMethod = method,
            Currency = currency,
            StartDate = start,
            EndDate = end,
            Status = ContractLineStatus.Active,
        };

        var milestones = new List<Milestone>();
        switch (method.Value)
        {
            case BillingMethod.FixedFee or BillingMethod.Milestone:
                line = line with { FixedAmount = opportunity.Amount };
                var shares = template.Milestones.Select(m => m.Share).ToArray();
                var amounts = opportunity.Amount.Allocate(shares);
                for (var i = 0; i < template.Milestones.Count; i++)
                {
                    milestones.Add(new Milestone
                    {
                        Id = MilestoneId.FromGuid(DerivedId.Create(opportunity.TenantId, "milestone", DerivedId.ProServSystem, engagementId + "/" + i.ToString(CultureInfo.InvariantCulture))),
                        TenantId = opportunity.TenantId,
                        EngagementId = engagementId,
                        ContractLineId = lineId,
                        Name = template.Milestones[i].Name,
                        DueDate = start.AddDays(template.Milestones[i].DueAfterDays),
                        Amount = amounts[i],
                        Status = MilestoneStatus.Planned,
                    });
                }

                break;
            case BillingMethod.Retainer or BillingMethod.Subscription:
                line = line with
                {
                    RecurringAmount = opportunity.Amount.Split(template.DurationMonths)[0],
                    RecurrencePeriod = RecurrencePeriod.Monthly,
                    RateCard = rateCard,
                };
                break;
            default:
                line = line with { RateCard = rateCard, NotToExceed = opportunity.Amount };
                break;
        }

        return new ProjectPlan(engagement, [line], milestones);
    }

    private static ServiceLineTemplate Validate(ServiceLineTemplate template, string name)
    {
        Guard.NotNull(template);
        var problems = new List<string>();
        if (template.DurationMonths < 1)
        {
            problems.Add($"DurationMonths must be at least 1; it was {template.DurationMonths}.");
        }

        if (template.Milestones.Count == 0)
        {
            problems.Add("Milestones must not be empty.");
        }

        foreach (var milestone in template.Milestones)
        {
            if (milestone.Share <= 0 || milestone.DueAfterDays < 0)
            {
                problems.Add($"Milestone '{milestone.Name}' needs a positive share and a due offset not below 0.");
            }
        }

        foreach (var (role, rate) in template.HourlyRates)
        {
            if (rate < 0)
            {
                problems.Add($"The hourly rate of role '{role}' must not be negative; it was {rate}.");
            }
        }

        return problems.Count == 0
            ? template
            : throw new ArgumentException($"The template '{name}' is invalid: {string.Join(" ", problems)}", nameof(template));
    }
}
