namespace ProServ.Integration.DeadLetter;

/// <summary>Specifies what a replay did to a dead-letter item.</summary>
public enum DeadLetterReplayStatus
{
    /// <summary>The handler succeeded; the item is now resolved.</summary>
    Resolved = 1,

    /// <summary>The handler failed; the item's attempts were incremented and it stays pending.</summary>
    Failed = 2,

    /// <summary>The item was already resolved; the handler was not called.</summary>
    AlreadyResolved = 3,
}
