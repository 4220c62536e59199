namespace ProServ.Integration.Flows;

/// <summary>Classifies what project set-up did for one opportunity change.</summary>
public enum ProjectSetupDisposition
{
    /// <summary>Nothing to do: a tombstone, or an opportunity that is not won.</summary>
    Skipped = 0,

    /// <summary>The project exists in the PSA and the ERP (created now or by an earlier run) and the CRM knows it.</summary>
    Created = 1,

    /// <summary>Set-up could not go on; a dead-letter item says why and the CRM shows the project as blocked.</summary>
    Blocked = 2,
}
