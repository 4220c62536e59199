namespace ProServ.Integration.Connectors;

/// <summary>Says how far project set-up for a won opportunity has come, as written back to the CRM.</summary>
public enum ProjectSetupState
{
    /// <summary>The opportunity is won and set-up has started.</summary>
    Pending = 0,

    /// <summary>The project exists in the PSA and the ERP.</summary>
    Created = 1,

    /// <summary>Set-up cannot start: the opportunity lacks what set-up needs, or a step failed permanently; <see cref="OpportunityProjectLink.Message"/> says why.</summary>
    Blocked = 2,
}
