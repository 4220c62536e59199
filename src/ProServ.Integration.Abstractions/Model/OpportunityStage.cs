namespace ProServ.Integration.Model;

/// <summary>Lists the sales stages of an <see cref="Opportunity"/>.</summary>
/// <remarks>Wire values are kebab-case: <c>prospecting</c>, <c>qualification</c>, <c>proposal</c>, <c>negotiation</c>, <c>closed-won</c>, <c>closed-lost</c>. Transitions: <see cref="Lifecycles.Opportunity"/>. Used through <see cref="OpenEnum{TEnum}"/>, so values this version does not know are kept, not rejected.</remarks>
public enum OpportunityStage
{
    /// <summary>The value is not known to this version; see <see cref="OpenEnum{TEnum}.RawValue"/>.</summary>
    Unknown = 0,

    /// <summary>The lead is being explored.</summary>
    Prospecting = 1,

    /// <summary>Need, budget and fit are being qualified.</summary>
    Qualification = 2,

    /// <summary>A proposal or statement of work has been sent.</summary>
    Proposal = 3,

    /// <summary>Terms and price are being negotiated.</summary>
    Negotiation = 4,

    /// <summary>The client signed; an engagement follows.</summary>
    ClosedWon = 5,

    /// <summary>The opportunity was lost or abandoned.</summary>
    ClosedLost = 6,
}
