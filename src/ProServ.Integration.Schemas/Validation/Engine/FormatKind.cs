namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>The formats the validator asserts.</summary>
internal enum FormatKind
{
    Unknown = 0,
    Date,
    DateTime,
    Time,
    Duration,
    Email,
    IdnEmail,
    Hostname,
    IdnHostname,
    Ipv4,
    Ipv6,
    Uri,
    UriReference,
    Iri,
    IriReference,
    Uuid,
    JsonPointer,
    RelativeJsonPointer,
    Regex,
    UriTemplate,
}
