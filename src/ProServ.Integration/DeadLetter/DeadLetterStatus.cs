namespace ProServ.Integration.DeadLetter;

/// <summary>Specifies the state of a dead-letter item.</summary>
public enum DeadLetterStatus
{
    /// <summary>The operation has not succeeded yet; the item can be replayed.</summary>
    Pending = 1,

    /// <summary>A replay succeeded; the item is kept for audit until purged.</summary>
    Resolved = 2,
}
