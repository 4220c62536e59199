namespace ProServ.Integration.Http.Resilience;

/// <summary>Says whether a write whose outcome was unknown landed at the target.</summary>
public enum WriteLookupStatus
{
    /// <summary>The lookup could not tell; the handler does not resend and surfaces <see cref="HttpErrorCodes.OutcomeUnknown"/>.</summary>
    Unknown = 0,

    /// <summary>The write landed; the lookup's response is returned to the caller and nothing is resent.</summary>
    Landed = 1,

    /// <summary>The write did not land; the handler resends it.</summary>
    NotLanded = 2,
}
