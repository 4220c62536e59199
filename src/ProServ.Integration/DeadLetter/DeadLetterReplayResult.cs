namespace ProServ.Integration.DeadLetter;

/// <summary>Represents the result of replaying one dead-letter item.</summary>
/// <param name="Id">The item's id.</param>
/// <param name="Status">What the replay did.</param>
/// <param name="Attempts">The item's attempts after the replay.</param>
public sealed record DeadLetterReplayResult(Guid Id, DeadLetterReplayStatus Status, int Attempts);
