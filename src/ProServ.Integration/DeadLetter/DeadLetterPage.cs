namespace ProServ.Integration.DeadLetter;

/// <summary>Represents one page of <see cref="IDeadLetterStore.ListAsync"/>.</summary>
/// <param name="Items">The redacted items, oldest first failure first.</param>
/// <param name="NextPageToken">The token of the next page, or <see langword="null"/> on the last page.</param>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetterView> Items, string? NextPageToken);
