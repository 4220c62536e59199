using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>Holds the resilience pipeline of one target system, shared by every handler instance of its named client.</summary>
/// <remarks>
/// <see cref="System.Net.Http.IHttpClientFactory"/> recycles handlers every few minutes; the circuit breaker's state and the
/// rate limiters must outlive them, so they live here, one per target, owned by <see cref="TargetPipelineRegistry"/>.
/// Order, outermost first: concurrency limit, total timeout, retry, token bucket, circuit breaker, attempt timeout.
/// </remarks>
internal sealed class TargetPipeline : IDisposable
{
    public static readonly ResiliencePropertyKey<CallState> CallKey = new("ProServ.Integration.Http.Call");

    private readonly ConcurrencyLimiter _concurrency;
    private readonly TimeProviderTokenBucket? _bucket;

    public TargetPipeline(string name, HttpResilienceOptions options, TimeProvider time)
    {
        Name = name;
        Options = options;
        Time = time;
        _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.ConcurrencyLimit,
            QueueLimit = options.ConcurrencyQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "proserv-http-" + name, TimeProvider = time };
        builder.AddStrategy(_ => new RateLimiterStrategy(_concurrency, name, "concurrency limit"));
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = options.TotalRequestTimeout,
            OnTimeout = static args =>
            {
                if (args.Context.Properties.TryGetValue(CallKey, out var call))
                {
                    call.TotalTimedOut = true;
                }

                return default;
            },
        });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome)),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Context.Properties.TryGetValue(CallKey, out var call) ? call.RetryAfter : null),
                OnRetry = args =>
                {
                    if (Options.OnRetry is { } onRetry && args.Context.Properties.TryGetValue(CallKey, out var call))
                    {
                        onRetry(new HttpRetryInfo(
                            Name,
                            args.AttemptNumber + 1,
                            args.RetryDelay,
                            args.Outcome.Result is { } r ? (int)r.StatusCode : null,
                            args.Outcome.Exception,
                            call.OutcomeUnknown));
                    }

                    return default;
                },
            });
        }

        if (options.RateLimitPermits is { } permits)
        {
            // Refilled by a TimeProvider timer, so that a manual clock drives it in tests.
            _bucket = new TimeProviderTokenBucket(permits, options.RateLimitPeriod, options.RateLimitQueueLimit, time);
            var bucket = _bucket;
            builder.AddStrategy(_ => new RateLimiterStrategy(bucket, name, "rate limit"));
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => new ValueTask<bool>(IsFailure(args.Context, args.Outcome)),
        });
        builder.AddTimeout(options.AttemptTimeout);
        Pipeline = builder.Build();
    }

    public string Name { get; }

    public HttpResilienceOptions Options { get; }

    public TimeProvider Time { get; }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public TimeSpan Remaining(CallState call) => Options.TotalRequestTimeout - Time.GetElapsedTime(call.StartTimestamp);

    public void Dispose()
    {
        _bucket?.Dispose();
        _concurrency.Dispose();
    }

    /// <summary>Says whether an exception is a transient transport failure: a timeout or a connection that failed or dropped.</summary>
    internal static bool IsTransientException(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or IOException;

    /// <summary>Says whether a failed attempt may have reached the target: anything but a failure to connect.</summary>
    internal static bool IsUnknownOutcome(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError } => false,
        _ => true,
    };

    private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (!context.Properties.TryGetValue(CallKey, out var call))
        {
            return false;
        }

        call.RetryAfter = null;
        if (outcome.Exception is { } exception)
        {
            // Our own faults (rate limited, lookup undecided), an open circuit and cancellation are final.
            if (!IsTransientException(exception))
            {
                return false;
            }

            return call.MayResend || !call.OutcomeUnknown;
        }

        var response = outcome.Result!;
        if (call.Classify(Options.Classifier, response) != HttpResponseClass.Transient)
        {
            return false;
        }

        call.RetryAfter = RetryAfter.Read(response, Time);
        if (!call.MayResend)
        {
            return false;
        }

        if (call.RetryAfter is { } wait && wait > Remaining(call))
        {
            call.RetryAfterExceedsBudget = true;
            return false;
        }

        return true;
    }

    private bool IsFailure(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            return IsTransientException(exception);
        }

        return context.Properties.TryGetValue(CallKey, out var call)
            && call.Classify(Options.Classifier, outcome.Result!) == HttpResponseClass.Transient;
    }
}
