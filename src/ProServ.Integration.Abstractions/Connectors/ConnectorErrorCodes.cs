namespace ProServ.Integration.Connectors;

/// <summary>Holds the stable error codes connectors report through <see cref="Errors.IntegrationException.ErrorCode"/> and <see cref="ConnectorCheckResult.Code"/>.</summary>
public static class ConnectorErrorCodes
{
    /// <summary>The system could not be reached or answered with a server error; transient.</summary>
    public const string Unreachable = "connector.unreachable";

    /// <summary>The system rejected the credentials; permanent.</summary>
    public const string Unauthorized = "connector.unauthorized";

    /// <summary>The connector's configuration does not match the system (endpoint, API version, account); permanent.</summary>
    public const string Misconfigured = "connector.misconfigured";

    /// <summary>The system throttled the call (429) beyond the retry budget; transient.</summary>
    public const string Throttled = "connector.throttled";

    /// <summary>The system rejected the record as invalid (400, 422); permanent.</summary>
    public const string Rejected = "connector.rejected";

    /// <summary>The record was not found in the system (404); permanent.</summary>
    public const string NotFound = "connector.not-found";

    /// <summary>The record changed since the version the caller last saw (412 or a version conflict); permanent for this write.</summary>
    public const string VersionConflict = "connector.version-conflict";

    /// <summary>A cursor passed to a reader is malformed or belongs to another stream; permanent.</summary>
    public const string InvalidCursor = "connector.invalid-cursor";

    /// <summary>A payload read from the system could not be mapped to the canonical model; permanent for that record.</summary>
    public const string UnmappableRecord = "connector.unmappable-record";
}
