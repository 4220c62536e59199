namespace ProServ.Integration.Model;

/// <summary>Lists how work is charged to the client.</summary>
/// <remarks>Wire values: <c>time-and-materials</c>, <c>fixed-fee</c>, <c>milestone</c>, <c>retainer</c>, <c>subscription</c>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum BillingMethod
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>Approved hours times rates, plus expenses.</summary>
    TimeAndMaterials = 1,

    /// <summary>An agreed total, billed on a schedule.</summary>
    FixedFee = 2,

    /// <summary>Fixed amounts billed as milestones are approved.</summary>
    Milestone = 3,

    /// <summary>A recurring amount for reserved capacity.</summary>
    Retainer = 4,

    /// <summary>A recurring amount for a managed service.</summary>
    Subscription = 5,
}
