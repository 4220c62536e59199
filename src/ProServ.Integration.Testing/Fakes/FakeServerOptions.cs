namespace ProServ.Integration.Testing.Fakes;

/// <summary>Configures a fake CRM, PSA or ERP server.</summary>
public sealed class FakeServerOptions
{
    /// <summary>Gets or sets the clock that stamps modifications and drives the rate limit. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the bearer token the fake accepts; any other or missing token gets 401. The default value is <c>test-token</c>.</summary>
    public string AccessToken { get; set; } = "test-token";

    /// <summary>Gets or sets the faults the fake injects. The default value injects none.</summary>
    public FaultOptions Faults { get; set; } = new();

    /// <summary>Gets or sets how many received requests (with their bodies) the fake keeps for inspection; older ones are forgotten, counts are kept. The default value is 10 000.</summary>
    public int MaxRecordedRequests { get; set; } = 10_000;
}
