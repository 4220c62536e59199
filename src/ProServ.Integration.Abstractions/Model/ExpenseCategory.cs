namespace ProServ.Integration.Model;

/// <summary>Lists the categories of an <see cref="Expense"/>.</summary>
/// <remarks>Wire values: <c>travel</c>, <c>lodging</c>, <c>meals</c>, <c>mileage</c>, <c>software</c>, <c>equipment</c>, <c>subcontractor</c>, <c>other</c>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum ExpenseCategory
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Air, rail, taxi and other fares.</summary>
    Travel = 1,

    /// <summary>Hotels and other accommodation.</summary>
    Lodging = 2,

    /// <summary>Meals and per diems.</summary>
    Meals = 3,

    /// <summary>Private vehicle use at a per-distance rate.</summary>
    Mileage = 4,

    /// <summary>Licences and subscriptions bought for the engagement.</summary>
    Software = 5,

    /// <summary>Hardware and materials.</summary>
    Equipment = 6,

    /// <summary>Third-party services passed through.</summary>
    Subcontractor = 7,

    /// <summary>Anything else.</summary>
    Other = 8,
}
