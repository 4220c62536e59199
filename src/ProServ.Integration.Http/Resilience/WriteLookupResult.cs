namespace ProServ.Integration.Http.Resilience;

/// <summary>Describes the answer of an <see cref="IWriteLookup"/>: whether a write landed, and if so the response that stands for it.</summary>
public sealed class WriteLookupResult
{
    private WriteLookupResult(WriteLookupStatus status, HttpResponseMessage? response)
    {
        Status = status;
        Response = response;
    }

    /// <summary>Gets the result that says the write did not land, so it is resent.</summary>
    public static WriteLookupResult NotLanded { get; } = new(WriteLookupStatus.NotLanded, null);

    /// <summary>Gets the result that says the lookup could not tell, so nothing is resent.</summary>
    public static WriteLookupResult Unknown { get; } = new(WriteLookupStatus.Unknown, null);

    /// <summary>Gets the status.</summary>
    public WriteLookupStatus Status { get; }

    /// <summary>Gets the response returned to the caller when the write landed (for example the GET of the created resource); otherwise <see langword="null"/>.</summary>
    public HttpResponseMessage? Response { get; }

    /// <summary>Creates the result that says the write landed.</summary>
    /// <param name="response">The response returned to the caller in place of the lost one; the caller owns and disposes it.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is <see langword="null"/>.</exception>
    public static WriteLookupResult Landed(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new WriteLookupResult(WriteLookupStatus.Landed, response);
    }
}
