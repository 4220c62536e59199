using ProServ.Integration.Model;

namespace ProServ.Integration.Flows;

/// <summary>The project a won opportunity becomes: the engagement with its contract lines and milestones, all with ids derived from the opportunity so that planning again gives the same plan.</summary>
/// <param name="Engagement">The engagement (the project shell).</param>
/// <param name="ContractLines">The engagement's contract lines.</param>
/// <param name="Milestones">The engagement's milestones (fixed-fee and milestone billing).</param>
public sealed record ProjectPlan(Engagement Engagement, IReadOnlyList<ContractLine> ContractLines, IReadOnlyList<Milestone> Milestones);
