namespace ProServ.Integration.Flows;

/// <summary>Configures the closed-won → project flow.</summary>
public sealed class ProjectSetupFlowOptions
{
    /// <summary>Gets or sets the name of the CRM stream of opportunities; checkpoints are kept under it. The default value is <c>opportunities</c>.</summary>
    public string OpportunityStream { get; set; } = "opportunities";

    /// <summary>Gets or sets the page size asked of the CRM, or <see langword="null"/> for the connector's own. The default value is <see langword="null"/>.</summary>
    public int? PageSize { get; set; }

    /// <summary>Gets or sets how far before the checkpoint to read again. The default value is 2 minutes.</summary>
    public TimeSpan OverlapWindow { get; set; } = TimeSpan.FromMinutes(2);
}
