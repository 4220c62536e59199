using ProServ.Integration.Model;

namespace ProServ.Integration.Connectors;

/// <summary>The project set-up status the SDK writes back onto a won opportunity in the CRM: only fields the SDK owns.</summary>
/// <remarks>Written through <see cref="IRecordWriter{TRecord}"/> with <see cref="WriteRequest{TRecord}.ExternalId"/> set to the opportunity's CRM id.</remarks>
public sealed record OpportunityProjectLink
{
    /// <summary>Gets the tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the opportunity's canonical id.</summary>
    public required OpportunityId OpportunityId { get; init; }

    /// <summary>Gets the engagement's canonical id, or <see langword="null"/> when none was created.</summary>
    public EngagementId? EngagementId { get; init; }

    /// <summary>Gets the project's id or number in the ERP, or <see langword="null"/> when not created yet.</summary>
    public string? ErpProjectId { get; init; }

    /// <summary>Gets the project's id in the PSA, or <see langword="null"/> when not created yet.</summary>
    public string? PsaProjectId { get; init; }

    /// <summary>Gets the set-up state.</summary>
    public required ProjectSetupState State { get; init; }

    /// <summary>Gets a message for the account team (why set-up is blocked), or <see langword="null"/>.</summary>
    public string? Message { get; init; }
}
