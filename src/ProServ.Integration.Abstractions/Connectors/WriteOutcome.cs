namespace ProServ.Integration.Connectors;

/// <summary>Says what a write did in the target system.</summary>
public enum WriteOutcome
{
    /// <summary>A new record was created.</summary>
    Created = 0,

    /// <summary>An existing record was updated.</summary>
    Updated = 1,

    /// <summary>The system already held the result of this idempotency key (or the record already existed); nothing new was created.</summary>
    AlreadyApplied = 2,
}
