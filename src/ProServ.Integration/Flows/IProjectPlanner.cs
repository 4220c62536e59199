using ProServ.Integration.Model;

namespace ProServ.Integration.Flows;

/// <summary>Turns a won opportunity into a project plan, usually from a template per service line.</summary>
/// <remarks>Implementations must be deterministic: the same opportunity and ids give the same plan, because a retried set-up plans again.</remarks>
public interface IProjectPlanner
{
    /// <summary>Plans the project for a won opportunity that passed the readiness gate.</summary>
    /// <param name="opportunity">The won opportunity.</param>
    /// <param name="client">The opportunity's client.</param>
    /// <param name="engagementId">The engagement id derived from the opportunity.</param>
    /// <returns>The plan.</returns>
    ProjectPlan Plan(Opportunity opportunity, Client client, EngagementId engagementId);
}
