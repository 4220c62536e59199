namespace ProServ.Integration.Flows;

/// <summary>Describes how projects of one service line are set up.</summary>
public sealed class ServiceLineTemplate
{
    /// <summary>Gets or sets the hourly rate per role for time-and-materials and retainer lines, in the opportunity's currency. The default value is empty.</summary>
    public IDictionary<string, decimal> HourlyRates { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>Gets or sets the milestones of fixed-fee and milestone projects: a name, the share of the opportunity amount, and the days after the start date it falls due. The shares are normalised, and the amounts add up exactly to the opportunity amount. The default value is one milestone, "Completion", 100 % at 90 days.</summary>
    public IList<MilestoneTemplate> Milestones { get; set; } = [new MilestoneTemplate("Completion", 1m, 90)];

    /// <summary>Gets or sets the project's length in months, which sets the end date and the number of retainer and subscription periods; at least 1. The default value is 6.</summary>
    public int DurationMonths { get; set; } = 6;

    /// <summary>Gets or sets the IANA time zone of the project, where day boundaries of work dates are taken. The default value is <c>Etc/UTC</c>.</summary>
    public string TimeZone { get; set; } = "Etc/UTC";
}
