using ProServ.Integration.Finance;

namespace ProServ.Integration.Model;

/// <summary>Represents one hourly rate of a time-and-materials <see cref="ContractLine"/>: the rate of a role over a date range.</summary>
/// <remarks>Dates are calendar dates in the engagement's time zone, both inclusive. The rate is in the contract line's currency
/// and rounded to its minor units. Entries of one role do not overlap.</remarks>
public sealed record RateCardEntry
{
    /// <summary>Gets the role the rate applies to, for example <c>Senior Consultant</c>.</summary>
    public required string Role { get; init; }

    /// <summary>Gets the price of one hour.</summary>
    public required Money HourlyRate { get; init; }

    /// <summary>Gets the first day the rate applies.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Gets the last day the rate applies, or <see langword="null"/> when open-ended.</summary>
    public DateOnly? EffectiveTo { get; init; }
}
