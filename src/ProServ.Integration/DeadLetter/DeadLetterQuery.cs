namespace ProServ.Integration.DeadLetter;

/// <summary>Filters and pages <see cref="IDeadLetterStore.ListAsync"/> and selects the items of a bulk replay.</summary>
/// <remarks>Filters combine with AND; a <see langword="null"/> filter matches everything.</remarks>
public sealed class DeadLetterQuery
{
    private int _pageSize = 100;

    /// <summary>Gets or sets the tenant to list. The default value is <see langword="null"/> (every tenant).</summary>
    public string? Tenant { get; set; }

    /// <summary>Gets or sets the error code (the reason) to match exactly. The default value is <see langword="null"/>.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the source (pipeline or operation) to match exactly. The default value is <see langword="null"/>.</summary>
    public string? Source { get; set; }

    /// <summary>Gets or sets an age filter: only items that first failed strictly before this instant. The default value is <see langword="null"/>.</summary>
    public DateTimeOffset? OlderThan { get; set; }

    /// <summary>Gets or sets a value indicating whether resolved items are listed too. The default value is <see langword="false"/>.</summary>
    public bool IncludeResolved { get; set; }

    /// <summary>Gets or sets the most items per page, from 1 to 1000. The default value is 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 1000.</exception>
    public int PageSize
    {
        get => _pageSize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1000);
            _pageSize = value;
        }
    }

    /// <summary>Gets or sets the token of the page to read, from <see cref="DeadLetterPage.NextPageToken"/>. The default value is <see langword="null"/> (the first page).</summary>
    public string? PageToken { get; set; }
}
