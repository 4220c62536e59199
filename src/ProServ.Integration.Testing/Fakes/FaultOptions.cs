namespace ProServ.Integration.Testing.Fakes;

/// <summary>Configures the faults a fake system injects into the requests it receives.</summary>
/// <remarks>
/// Random faults are drawn from a generator seeded with <see cref="Seed"/>, so a run with the same requests in the same
/// order sees the same faults. Rates are probabilities between 0 and 1, checked in this order: rate limit, throttle,
/// transient failure, slow response, drop after commit.
/// </remarks>
public sealed class FaultOptions
{
    /// <summary>Gets or sets the seed of the fault generator. The default value is 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Gets or sets the share of requests answered with 503 Service Unavailable (half of them) or 500 Internal Server Error, before anything is committed. The default value is 0.</summary>
    public double TransientFailureRate { get; set; }

    /// <summary>Gets or sets the share of requests answered with 429 Too Many Requests and a <c>Retry-After</c> of <see cref="ThrottleRetryAfter"/>. The default value is 0.</summary>
    public double ThrottleRate { get; set; }

    /// <summary>Gets or sets the <c>Retry-After</c> sent with a random 429. The default value is 1 second.</summary>
    public TimeSpan ThrottleRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the share of writes (any method but GET and HEAD) that are committed and then have their connection dropped before the response. The default value is 0.</summary>
    public double DropAfterCommitRate { get; set; }

    /// <summary>Gets or sets the share of requests delayed by <see cref="SlowResponseDelay"/> before they are served. The default value is 0.</summary>
    public double SlowResponseRate { get; set; }

    /// <summary>Gets or sets the delay of a slow response. The default value is 200 milliseconds.</summary>
    public TimeSpan SlowResponseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the fake's rate limit in requests per second; requests beyond it get 429 with the <c>Retry-After</c> until a token is free. <see langword="null"/> means no limit. The default value is <see langword="null"/>.</summary>
    public double? RequestsPerSecond { get; set; }

    /// <summary>Gets or sets how many requests the rate limit lets through at once after a quiet period. <see langword="null"/> means one second's worth (at least 1). The default value is <see langword="null"/>.</summary>
    public int? Burst { get; set; }

    /// <summary>Creates the fault mix the end-to-end tests use: 10 % transient failures (503/500 and 429 with <c>Retry-After</c>) and 2 % of writes dropped after commit.</summary>
    /// <param name="seed">The seed of the fault generator.</param>
    /// <returns>New options.</returns>
    public static FaultOptions Typical(int seed = 1) => new()
    {
        Seed = seed,
        TransientFailureRate = 0.07,
        ThrottleRate = 0.03,
        DropAfterCommitRate = 0.02,
    };
}
