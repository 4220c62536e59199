namespace ProServ.Integration.Outbox;

/// <summary>Names the state of an outbox message.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be published (possibly claimed by a relay, or scheduled for a retry).</summary>
    Pending = 0,

    /// <summary>Published; kept until retention purges it.</summary>
    Published = 1,

    /// <summary>Given up after too many failed attempts and handed to the dead-letter store; kept until retention purges it.</summary>
    DeadLettered = 2,
}
