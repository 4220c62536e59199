namespace ProServ.Integration.Flows;

/// <summary>One milestone of a <see cref="ServiceLineTemplate"/>.</summary>
/// <param name="Name">The milestone's name.</param>
/// <param name="Share">Its share of the opportunity amount; positive.</param>
/// <param name="DueAfterDays">Days after the project's start date the milestone falls due; not negative.</param>
public sealed record MilestoneTemplate(string Name, decimal Share, int DueAfterDays);
