using System.Threading.RateLimiting;
using Polly;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>Runs the callback under a permit of a <see cref="RateLimiter"/>; a refused permit is an <see cref="HttpErrorCodes.RateLimited"/> outcome.</summary>
/// <remarks>Polly's own rate-limiter strategy lives in Polly.RateLimiting, which this SDK does not take; this is the same idea in a few lines.</remarks>
internal sealed class RateLimiterStrategy(RateLimiter limiter, string targetName, string what) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        using var lease = await limiter.AcquireAsync(1, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        if (!lease.IsAcquired)
        {
            var call = context.Properties.GetValue(TargetPipeline.CallKey, null!);
            return Outcome.FromException<HttpResponseMessage>(HttpCallExceptions.Create(
                HttpErrorCodes.RateLimited,
                $"The {what} of target '{targetName}' is exhausted and its queue is full; the call was not sent.",
                isTransient: true,
                targetName,
                call,
                response: null));
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
