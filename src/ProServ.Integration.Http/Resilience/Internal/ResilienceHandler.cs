using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>Sends each request through its target's resilience pipeline, sets the idempotency, correlation and trace headers, and turns final failures into <see cref="HttpCallException"/>.</summary>
/// <remarks>Content must be re-readable (string, byte array, JSON content) because a retry sends the same request again.</remarks>
internal sealed class ResilienceHandler(TargetPipeline target) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = target.Options;
        var key = PrepareIdempotencyKey(request, options);
        var correlationId = PrepareCorrelationId(request, options);
        if (options.PropagateTraceContext)
        {
            PrepareTraceContext(request);
        }

        var call = new CallState(request, key, correlationId, target.Time.GetTimestamp());
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: false, cancellationToken);
        context.Properties.Set(TargetPipeline.CallKey, call);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            outcome = await target.Pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Handler.AttemptAsync(ctx, state.Call),
                context,
                (Handler: this, Call: call)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return outcome.Exception is { } exception
            ? throw Translate(exception, call, cancellationToken)
            : await InterpretAsync(outcome.Result!, call, cancellationToken).ConfigureAwait(false);
    }

    private static IdempotencyKey? PrepareIdempotencyKey(HttpRequestMessage request, HttpResilienceOptions options)
    {
        var header = options.IdempotencyHeaderName;
        if (request.Options.TryGetValue(ProServHttpRequestOptions.IdempotencyKey, out var key) && key.Value is not null)
        {
            request.Headers.Remove(header);
            request.Headers.TryAddWithoutValidation(header, Format(key, options.IdempotencyHeaderFormat));
            return key;
        }

        // A caller that wrote the header itself still gets a retryable write.
        if (request.Headers.TryGetValues(header, out var values)
            && values.FirstOrDefault() is { } text
            && IdempotencyKey.TryCreate(Unquote(text), out var parsed))
        {
            return parsed;
        }

        return null;
    }

    private static string? PrepareCorrelationId(HttpRequestMessage request, HttpResilienceOptions options)
    {
        var header = options.CorrelationIdHeaderName;
        if (request.Options.TryGetValue(ProServHttpRequestOptions.CorrelationId, out var id) && id is not null)
        {
            if (!string.IsNullOrEmpty(header))
            {
                request.Headers.Remove(header);
                request.Headers.TryAddWithoutValidation(header, id);
            }

            return id;
        }

        return !string.IsNullOrEmpty(header) && request.Headers.TryGetValues(header, out var values) ? values.FirstOrDefault() : null;
    }

    private static void PrepareTraceContext(HttpRequestMessage request)
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } id } activity
            || request.Headers.Contains(HttpResilienceConstants.TraceParentHeaderName))
        {
            return;
        }

        request.Headers.TryAddWithoutValidation(HttpResilienceConstants.TraceParentHeaderName, id);
        if (!string.IsNullOrEmpty(activity.TraceStateString))
        {
            request.Headers.TryAddWithoutValidation(HttpResilienceConstants.TraceStateHeaderName, activity.TraceStateString);
        }
    }

    /// <summary>Writes the key as the IETF draft asks (a Structured Field string: quoted, with <c>\</c> and <c>"</c> escaped) or bare.</summary>
    private static string Format(IdempotencyKey key, IdempotencyHeaderFormat format)
    {
        if (format == IdempotencyHeaderFormat.Raw)
        {
            return key.Value;
        }

        var value = key.Value;
        return value.AsSpan().ContainsAny('"', '\\')
            ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : "\"" + value + "\"";
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"'
            ? text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
            : text;

    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(ResilienceContext context, CallState call)
    {
        var cancellationToken = context.CancellationToken;
        if (call.OutcomeUnknown && call.Key is { } key && target.Options.WriteLookup is { } lookup)
        {
            call.LookupPending = true;
            var result = await lookup.LookupAsync(call.Request, key, (r, t) => base.SendAsync(r, t), cancellationToken).ConfigureAwait(false);
            call.LookupPending = false;
            switch (result.Status)
            {
                case WriteLookupStatus.Landed:
                    call.FoundByLookup = true;
                    call.OutcomeUnknown = false;
                    return Outcome.FromResult(result.Response!);
                case WriteLookupStatus.NotLanded:
                    call.OutcomeUnknown = false;
                    break;
                default:
                    return Outcome.FromException<HttpResponseMessage>(HttpCallExceptions.Create(
                        HttpErrorCodes.OutcomeUnknown,
                        $"A {call.Request.Method} to target '{target.Name}' may have landed, and the write lookup could not tell; it was not resent.",
                        isTransient: false,
                        target.Name,
                        call,
                        response: null));
            }
        }

        call.Attempts++;
        try
        {
            var response = await base.SendAsync(call.Request, cancellationToken).ConfigureAwait(false);
            call.OutcomeUnknown = false;
            return Outcome.FromResult(response);
        }
        catch (Exception exception) when (exception is not HttpCallException)
        {
            // Recorded before any strategy sees the failure: did the request possibly reach the target?
            call.OutcomeUnknown = !call.LookupPending && TargetPipeline.IsUnknownOutcome(exception);
            throw;
        }
    }

    private Exception Translate(Exception exception, CallState call, CancellationToken cancellationToken)
    {
        if (call.LookupPending)
        {
            call.OutcomeUnknown = true;
        }

        switch (exception)
        {
            case HttpCallException:
                ExceptionDispatchInfo.Throw(exception);
                break;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                ExceptionDispatchInfo.Throw(exception);
                break;
            case BrokenCircuitException:
                return HttpCallExceptions.Create(
                    HttpErrorCodes.CircuitOpen,
                    $"The circuit of target '{target.Name}' is open after too many failures; the call was not sent.",
                    isTransient: true,
                    target.Name,
                    call,
                    response: null,
                    inner: exception);
        }

        if (call.OutcomeUnknown && !call.MayResend)
        {
            return HttpCallExceptions.Create(
                HttpErrorCodes.OutcomeUnknown,
                $"A {call.Request.Method} without an idempotency key to target '{target.Name}' may have landed ({exception.GetType().Name}); it was not resent, because a resend could apply it twice.",
                isTransient: false,
                target.Name,
                call,
                response: null,
                inner: exception);
        }

        if (call.TotalTimedOut)
        {
            return HttpCallExceptions.Create(
                HttpErrorCodes.Timeout,
                $"The call to target '{target.Name}' ran out of its {target.Options.TotalRequestTimeout} budget after {call.Attempts} attempt(s).",
                isTransient: true,
                target.Name,
                call,
                response: null,
                inner: exception);
        }

        if (exception is TimeoutRejectedException || TargetPipeline.IsTransientException(exception))
        {
            return HttpCallExceptions.Create(
                HttpErrorCodes.Transient,
                $"The call to target '{target.Name}' still failed after {call.Attempts} attempt(s): {exception.GetType().Name}.",
                isTransient: true,
                target.Name,
                call,
                response: null,
                inner: exception);
        }

        ExceptionDispatchInfo.Throw(exception);
        return exception;
    }

    private async Task<HttpResponseMessage> InterpretAsync(HttpResponseMessage response, CallState call, CancellationToken cancellationToken)
    {
        switch (call.Classify(target.Options.Classifier, response))
        {
            case HttpResponseClass.Success:
                if (call.FoundByLookup)
                {
                    response.RequestMessage = call.Request;
                }

                call.Request.Options.Set(
                    ProServHttpRequestOptions.CallOutcome,
                    call.FoundByLookup ? HttpCallOutcome.FoundByLookup : HttpCallOutcome.Succeeded);
                return response;
            case HttpResponseClass.AlreadyExists:
                call.Request.Options.Set(ProServHttpRequestOptions.CallOutcome, HttpCallOutcome.AlreadyExists);
                return response;
            case HttpResponseClass.Permanent:
                using (response)
                {
                    var excerpt = await ReadExcerptAsync(response, cancellationToken).ConfigureAwait(false);
                    throw HttpCallExceptions.Create(
                        HttpErrorCodes.Permanent,
                        $"Target '{target.Name}' refused the {call.Request.Method} with {(int)response.StatusCode} {response.ReasonPhrase}; it is not retried.",
                        isTransient: false,
                        target.Name,
                        call,
                        response,
                        excerpt);
                }

            default:
                using (response)
                {
                    var status = (int)response.StatusCode;
                    if (call.RetryAfterExceedsBudget)
                    {
                        throw HttpCallExceptions.Create(
                            HttpErrorCodes.RetryAfterExceedsBudget,
                            $"Target '{target.Name}' answered {status} and asked to retry after {call.RetryAfter}, beyond the {Remaining(call)} left of the call's budget; failing fast instead of waiting.",
                            isTransient: true,
                            target.Name,
                            call,
                            response);
                    }

                    if (!call.MayResend)
                    {
                        throw HttpCallExceptions.Create(
                            HttpErrorCodes.UnsafeNotRetried,
                            $"Target '{target.Name}' answered {status} to a {call.Request.Method} without an idempotency key; it was not retried, because a resend could apply it twice. Set an idempotency key to make it retryable.",
                            isTransient: false,
                            target.Name,
                            call,
                            response);
                    }

                    throw HttpCallExceptions.Create(
                        HttpErrorCodes.Transient,
                        $"Target '{target.Name}' still answered {status} after {call.Attempts} attempt(s).",
                        isTransient: true,
                        target.Name,
                        call,
                        response);
                }
        }
    }

    private string Remaining(CallState call)
    {
        var remaining = target.Remaining(call);
        return (remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining).ToString();
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream);
                var buffer = new char[HttpResilienceConstants.ResponseBodyExcerptLength];
                var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                return read == 0 ? null : new string(buffer, 0, read);
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
        {
            // The excerpt is a courtesy for the dead-letter item; the failure itself is already known.
            return null;
        }
    }
}
