namespace ProServ.Integration.Http.Resilience;

/// <summary>Classifies the responses of one target system; a connector supplies its own when the vendor's status codes differ from HTTP's usual meaning.</summary>
/// <remarks>Implementations are called concurrently and must be thread-safe; they must not read or dispose the response content.</remarks>
public interface IHttpResponseClassifier
{
    /// <summary>Classifies a response.</summary>
    /// <param name="request">The request that was sent.</param>
    /// <param name="response">The response received.</param>
    /// <returns>The class of the response.</returns>
    HttpResponseClass Classify(HttpRequestMessage request, HttpResponseMessage response);
}
