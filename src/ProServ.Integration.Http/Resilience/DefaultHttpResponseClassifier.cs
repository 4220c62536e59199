namespace ProServ.Integration.Http.Resilience;

/// <summary>Classifies responses by status code as HTTP defines them; a connector derives from it to change a few codes.</summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>status</term><description>class</description></listheader>
/// <item><term>1xx, 2xx, 3xx</term><description><see cref="HttpResponseClass.Success"/></description></item>
/// <item><term>408, 429, 5xx</term><description><see cref="HttpResponseClass.Transient"/></description></item>
/// <item><term>409 on POST, PUT or PATCH</term><description><see cref="HttpResponseClass.AlreadyExists"/></description></item>
/// <item><term>any other 4xx (400, 401, 403, 404, 422, …)</term><description><see cref="HttpResponseClass.Permanent"/></description></item>
/// </list>
/// Thread-safe and stateless.
/// </remarks>
public class DefaultHttpResponseClassifier : IHttpResponseClassifier
{
    /// <summary>Gets the shared instance.</summary>
    public static DefaultHttpResponseClassifier Instance { get; } = new();

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> or <paramref name="response"/> is <see langword="null"/>.</exception>
    public virtual HttpResponseClass Classify(HttpRequestMessage request, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        return status switch
        {
            < 400 => HttpResponseClass.Success,
            408 or 429 or >= 500 => HttpResponseClass.Transient,
            409 when IsWrite(request.Method) => HttpResponseClass.AlreadyExists,
            _ => HttpResponseClass.Permanent,
        };
    }

    private static bool IsWrite(HttpMethod method) =>
        method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch;
}
