namespace ProServ.Integration.DeadLetter;

/// <summary>Represents the result of a bulk replay.</summary>
/// <param name="Resolved">How many items the handler replayed successfully.</param>
/// <param name="Failed">How many items failed again.</param>
public sealed record DeadLetterReplaySummary(int Resolved, int Failed);
