using ProServ.Integration.Connectors;
using ProServ.Integration.Model;

namespace ProServ.Integration.Flows;

/// <summary>What project set-up did for one opportunity change.</summary>
/// <param name="Disposition">Whether the project was set up, the change needed nothing, or set-up was blocked and dead-lettered.</param>
/// <param name="EngagementId">The engagement id derived from the opportunity, or <see langword="null"/> when the opportunity is not won.</param>
/// <param name="PsaProjectId">The project's id in the PSA, or <see langword="null"/>.</param>
/// <param name="ErpProjectId">The project's id in the ERP, or <see langword="null"/>.</param>
/// <param name="ErrorCode">The dead-letter error code when blocked (see <see cref="FlowErrorCodes"/>), or <see langword="null"/>.</param>
public sealed record ProjectSetupResult(ProjectSetupDisposition Disposition, EngagementId? EngagementId = null, string? PsaProjectId = null, string? ErpProjectId = null, string? ErrorCode = null)
{
    /// <summary>Gets a value indicating whether this call finished set-up (rather than finding it finished by an earlier run).</summary>
    public bool FirstTime { get; init; }

    internal static ProjectSetupResult Skipped { get; } = new(ProjectSetupDisposition.Skipped);

    internal ProjectSetupState? State => Disposition switch
    {
        ProjectSetupDisposition.Created => ProjectSetupState.Created,
        ProjectSetupDisposition.Blocked => ProjectSetupState.Blocked,
        _ => null,
    };
}
