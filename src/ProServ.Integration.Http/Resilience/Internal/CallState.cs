using ProServ.Integration.Idempotency;

namespace ProServ.Integration.Http.Resilience.Internal;

/// <summary>Holds what the pipeline learns about one logical call across its attempts.</summary>
/// <remarks>One instance per call; the attempts of a call run one after another, so it needs no locking.</remarks>
internal sealed class CallState(HttpRequestMessage request, IdempotencyKey? key, string? correlationId, long startTimestamp)
{
    private HttpResponseMessage? _classified;
    private HttpResponseClass _class;

    public HttpRequestMessage Request { get; } = request;

    public IdempotencyKey? Key { get; } = key;

    public string? CorrelationId { get; } = correlationId;

    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>Gets a value indicating whether a failed attempt may be resent: the method is idempotent or the request carries a key.</summary>
    public bool MayResend { get; } = key is not null || !IsUnsafe(request.Method);

    /// <summary>Gets or sets the attempts sent to the target so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets a value indicating whether the last attempt may have reached the target without its response reaching us.</summary>
    public bool OutcomeUnknown { get; set; }

    /// <summary>Gets or sets the Retry-After wait of the last response, if it sent one.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Gets or sets a value indicating whether the last Retry-After exceeded the remaining budget.</summary>
    public bool RetryAfterExceedsBudget { get; set; }

    /// <summary>Gets or sets a value indicating whether the total time budget ran out.</summary>
    public bool TotalTimedOut { get; set; }

    /// <summary>Gets or sets a value indicating whether a write lookup is under way (its failure leaves the outcome unknown).</summary>
    public bool LookupPending { get; set; }

    /// <summary>Gets or sets a value indicating whether the response came from the write lookup.</summary>
    public bool FoundByLookup { get; set; }

    /// <summary>Classifies a response once, however many strategies ask.</summary>
    public HttpResponseClass Classify(IHttpResponseClassifier classifier, HttpResponseMessage response)
    {
        if (!ReferenceEquals(_classified, response))
        {
            _class = FoundByLookup ? HttpResponseClass.Success : classifier.Classify(Request, response);
            _classified = response;
        }

        return _class;
    }

    /// <summary>Says whether a method is neither safe nor idempotent (RFC 9110 §9.2): POST, PATCH and any method HTTP does not define.</summary>
    public static bool IsUnsafe(HttpMethod method) =>
        method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options && method != HttpMethod.Trace
        && method != HttpMethod.Put && method != HttpMethod.Delete;
}
